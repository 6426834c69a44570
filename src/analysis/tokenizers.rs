//! tantivy tokenizers over the shared analyser, so index and query analyse text alike.

use super::{AnalyzedToken, Analyzer, bigrams};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the morphological tokenizer is registered.
pub const JAPANESE: &str = "ja_morph";
/// Name under which the morphological tokenizer for repeated text (heading paths) is
/// registered.
pub const JAPANESE_REPEATED: &str = "ja_morph_repeated";
/// Name under which the character-bigram tokenizer is registered.
pub const BIGRAM: &str = "ja_bigram";

/// The lindera-based morphological tokenizer.
#[derive(Clone)]
pub struct JapaneseTokenizer {
    analyzer: Analyzer,
}

impl JapaneseTokenizer {
    /// Wraps an analyser.
    pub fn new(analyzer: Analyzer) -> JapaneseTokenizer {
        JapaneseTokenizer { analyzer }
    }
}

/// The morphological tokenizer for text that repeats from one document to the next (the
/// heading path of consecutive passages): the tokens of the last text are kept and reused
/// while the text stays the same. Each indexing thread works on its own clone.
#[derive(Clone)]
pub struct RepeatedJapaneseTokenizer {
    analyzer: Analyzer,
    last: Option<(String, Vec<Token>)>,
}

impl RepeatedJapaneseTokenizer {
    /// Wraps an analyser.
    pub fn new(analyzer: Analyzer) -> RepeatedJapaneseTokenizer {
        RepeatedJapaneseTokenizer {
            analyzer,
            last: None,
        }
    }
}

/// The character-bigram tokenizer.
#[derive(Clone, Default)]
pub struct BigramTokenizer;

/// A token stream over pre-analysed tokens.
pub struct AnalyzedTokenStream {
    tokens: Vec<Token>,
    index: usize,
    placeholder: Token,
}

/// tantivy's tokens of analysed tokens, one position each in their order.
pub fn tantivy_tokens(analyzed: Vec<AnalyzedToken>) -> Vec<Token> {
    analyzed
        .into_iter()
        .enumerate()
        .map(|(position, token)| Token {
            offset_from: token.start,
            offset_to: token.end,
            position,
            text: token.term,
            position_length: 1,
        })
        .collect()
}

impl AnalyzedTokenStream {
    fn new(analyzed: Vec<AnalyzedToken>) -> AnalyzedTokenStream {
        AnalyzedTokenStream {
            tokens: tantivy_tokens(analyzed),
            index: 0,
            placeholder: Token::default(),
        }
    }
}

impl TokenStream for AnalyzedTokenStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        match self.index.checked_sub(1) {
            Some(current) => self.tokens.get(current).unwrap_or(&self.placeholder),
            None => &self.placeholder,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.index.checked_sub(1) {
            Some(current) if current < self.tokens.len() => &mut self.tokens[current],
            _ => &mut self.placeholder,
        }
    }
}

impl Tokenizer for JapaneseTokenizer {
    type TokenStream<'a> = AnalyzedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream {
        AnalyzedTokenStream::new(self.analyzer.analyze(text))
    }
}

impl Tokenizer for RepeatedJapaneseTokenizer {
    type TokenStream<'a> = AnalyzedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream {
        let tokens = match &self.last {
            Some((last_text, tokens)) if last_text == text => tokens.clone(),
            _ => {
                let tokens = AnalyzedTokenStream::new(self.analyzer.analyze(text)).tokens;
                self.last = Some((text.to_string(), tokens.clone()));
                tokens
            }
        };
        AnalyzedTokenStream {
            tokens,
            index: 0,
            placeholder: Token::default(),
        }
    }
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = AnalyzedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream {
        AnalyzedTokenStream::new(bigrams(text))
    }
}
