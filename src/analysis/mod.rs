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
        let normalized = NormalizedText::new(text);
        let mut lattice = self.take_lattice();
        let segmented = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(normalized.text.as_str()), &mut lattice);
        let out = match segmented {
            Ok(tokens) => searchable_terms(&normalized, &tokens),
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
fn searchable_terms(normalized: &NormalizedText, tokens: &[Token<'_>]) -> Vec<AnalyzedToken> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let surface = token.surface.trim();
        if surface.is_empty() || !surface.chars().any(char::is_alphanumeric) {
            continue;
        }
        let has_latin_or_digit = surface.chars().any(|c| c.is_ascii_alphanumeric());
        if !has_latin_or_digit && DROPPED_PARTS_OF_SPEECH.contains(&part_of_speech(token)) {
            continue;
        }
        let (start, end) = normalized.original_range(token.byte_start, token.byte_end);
        out.push(AnalyzedToken {
            term: surface.to_string(),
            start,
            end,
        });
    }
    out
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
    let chars: Vec<(usize, char)> = normalized.text.char_indices().collect();
    let mut out = Vec::new();
    let mut run_start = 0;
    while run_start < chars.len() {
        if !chars[run_start].1.is_alphanumeric() {
            run_start += 1;
            continue;
        }
        let mut run_end = run_start;
        while run_end < chars.len() && chars[run_end].1.is_alphanumeric() {
            run_end += 1;
        }
        let byte_end = |index: usize| {
            chars
                .get(index)
                .map(|(offset, _)| *offset)
                .unwrap_or(normalized.text.len())
        };
        let windows = if run_end - run_start == 1 {
            vec![(run_start, run_start + 1)]
        } else {
            (run_start..run_end - 1).map(|i| (i, i + 2)).collect()
        };
        for (from, to) in windows {
            let (start_byte, end_byte) = (chars[from].0, byte_end(to));
            let (start, end) = normalized.original_range(start_byte, end_byte);
            out.push(AnalyzedToken {
                term: normalized.text[start_byte..end_byte].to_string(),
                start,
                end,
            });
        }
        run_start = run_end;
    }
    out
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
    fn bigrams_cover_runs_and_map_offsets() {
        let text = "量子暗号 Q K D";
        let grams: Vec<String> = bigrams(text).into_iter().map(|t| t.term).collect();
        assert_eq!(grams, ["量子", "子暗", "暗号", "qk", "kd"]);
        for gram in bigrams("全角ＡＢＣ") {
            assert!(gram.end <= "全角ＡＢＣ".len());
        }
    }
}
