//! Turning what a person types into a tantivy query, without ever failing on syntax.
//!
//! Quoted parts (`"…"`, `「…」`, `『…』`, `“…”`) must match as phrases; the rest is analysed
//! into terms that may match (OR, ranked by BM25), with a bonus for adjacent terms matching as
//! a phrase, a weaker character-bigram view for unknown compounds, and vocabulary expansions.

use crate::analysis::{Analyzer, bigrams};
use crate::index::schema::Fields;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::Field as TantivyField;
use tantivy::schema::{Field, IndexRecordOption};

/// Weight of a morphological term match in the body.
const BODY_TERM_BOOST: f32 = 1.0;
/// Weight of adjacent query terms matching as a phrase.
const ADJACENT_PHRASE_BOOST: f32 = 0.6;
/// Weight of a heading match.
const HEADING_BOOST: f32 = 0.35;
/// Weight of a character-bigram match: below morphological matches.
const BIGRAM_BOOST: f32 = 0.2;
/// Weight of a quoted phrase.
const QUOTED_PHRASE_BOOST: f32 = 2.0;
/// Weight of an expansion's phrase.
const EXPANSION_BOOST: f32 = 0.8;

/// Words of a natural question that say how to ask, not what about.
const QUESTION_WORDS: [&str; 22] = [
    "いくら",
    "何",
    "なに",
    "なん",
    "どこ",
    "どれ",
    "どの",
    "どう",
    "どんな",
    "いつ",
    "誰",
    "教え",
    "ください",
    "下さい",
    "について",
    "知り",
    "たい",
    "です",
    "ます",
    "ある",
    "いる",
    "する",
];

/// Words that ask for an amount of money.
const AMOUNT_WORDS: [&str; 9] = [
    "予算",
    "いくら",
    "金額",
    "億円",
    "何億",
    "経費",
    "補正",
    "要求額",
    "何兆",
];
/// Words that ask for a date.
const DATE_WORDS: [&str; 7] = [
    "いつ",
    "日付",
    "策定日",
    "閣議決定",
    "決定日",
    "時点",
    "公表",
];
/// Analysed terms that only say "an amount is wanted"; the amount facet stands for them.
const AMOUNT_INTENT_TERMS: [&str; 10] = [
    "予算",
    "予算額",
    "額",
    "金額",
    "億",
    "円",
    "億円",
    "兆円",
    "総額",
    "全部",
];
/// Analysed terms that only say "a date is wanted".
const DATE_INTENT_TERMS: [&str; 3] = ["日", "日付", "決定日"];

/// Weight of the "has an amount" / "has a date" facet when the question asks for one.
const FACET_BOOST: f32 = 2.0;

/// Facet token of passages that state an amount of money.
pub const FACET_AMOUNT: &str = "amount";
/// Facet token of passages that state a date.
pub const FACET_DATE: &str = "date";

/// The fields one kind of document is searched in.
#[derive(Debug, Clone, Copy)]
pub struct TextFields {
    /// Morphological text.
    pub body: TantivyField,
    /// Character bigrams of the same text.
    pub bigram: TantivyField,
    /// Heading path, if the kind has one.
    pub heading: Option<TantivyField>,
    /// Facets, if the kind has them.
    pub facets: Option<TantivyField>,
}

impl TextFields {
    /// Passage text, headings and facets.
    pub fn passages(fields: &Fields) -> TextFields {
        TextFields {
            body: fields.body,
            bigram: fields.body_bigram,
            heading: Some(fields.heading),
            facets: Some(fields.facets),
        }
    }

    /// Node names and aliases.
    pub fn nodes(fields: &Fields) -> TextFields {
        TextFields {
            body: fields.name,
            bigram: fields.name_bigram,
            heading: None,
            facets: None,
        }
    }
}

/// A parsed user query.
#[derive(Debug, Clone, Default)]
pub struct ParsedQuery {
    /// Quoted phrases, as written.
    pub phrases: Vec<String>,
    /// Analysed free-text terms (normalised), question words removed.
    pub terms: Vec<String>,
    /// Runs of adjacent free-text terms (for proximity bonuses).
    pub runs: Vec<Vec<String>>,
    /// Bigrams of the free text.
    pub bigrams: Vec<String>,
    /// The question asks for an amount of money.
    pub wants_amount: bool,
    /// The question asks for a date.
    pub wants_date: bool,
}

impl ParsedQuery {
    /// Whether nothing searchable is left.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.terms.is_empty() && self.bigrams.is_empty()
    }
}

const QUOTES: [(char, char); 5] = [
    ('"', '"'),
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
    ('＂', '＂'),
];

/// Splits quoted phrases from free text and analyses both.
pub fn parse(analyzer: &Analyzer, text: &str) -> ParsedQuery {
    let (phrases, free_text) = split_quoted(text);
    let normalized = crate::normalize::for_matching(text);
    let mut parsed = ParsedQuery {
        phrases,
        wants_amount: AMOUNT_WORDS.iter().any(|w| normalized.contains(w)),
        wants_date: DATE_WORDS.iter().any(|w| normalized.contains(w)),
        ..ParsedQuery::default()
    };
    let is_intent_only = |term: &str| {
        (parsed.wants_amount && AMOUNT_INTENT_TERMS.contains(&term))
            || (parsed.wants_date && DATE_INTENT_TERMS.contains(&term))
    };
    let is_intent_bigram = |gram: &str| {
        (parsed.wants_amount && AMOUNT_WORDS.iter().any(|w| w.contains(gram)))
            || (parsed.wants_date && DATE_WORDS.iter().any(|w| w.contains(gram)))
    };
    let mut terms = Vec::new();
    let mut runs = Vec::new();
    let mut grams = Vec::new();
    for chunk in free_text.split_whitespace() {
        let tokens: Vec<String> = analyzer
            .analyze(chunk)
            .into_iter()
            .map(|t| t.term)
            .filter(|t| !QUESTION_WORDS.contains(&t.as_str()))
            .collect();
        let content: Vec<String> = tokens
            .iter()
            .filter(|t| !is_intent_only(t))
            .cloned()
            .collect();
        if content.len() >= 2 {
            runs.push(content.clone());
        }
        for term in content {
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        for gram in bigrams(chunk) {
            if !is_intent_bigram(&gram.term) && !grams.contains(&gram.term) {
                grams.push(gram.term);
            }
        }
    }
    if terms.is_empty() && grams.is_empty() {
        // The question is only intent words ("予算"): search for them after all.
        for chunk in free_text.split_whitespace() {
            terms.extend(analyzer.analyze(chunk).into_iter().map(|t| t.term));
            grams.extend(bigrams(chunk).into_iter().map(|t| t.term));
        }
    }
    parsed.terms = terms;
    parsed.runs = runs;
    parsed.bigrams = grams;
    parsed
}

fn split_quoted(text: &str) -> (Vec<String>, String) {
    let mut phrases = Vec::new();
    let mut free = String::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == ch) else {
            free.push(ch);
            continue;
        };
        let mut phrase = String::new();
        let mut closed = false;
        for inner in chars.by_ref() {
            if inner == close {
                closed = true;
                break;
            }
            phrase.push(inner);
        }
        if closed && !phrase.trim().is_empty() {
            phrases.push(phrase.trim().to_string());
        } else {
            free.push(' ');
            free.push_str(&phrase);
        }
        free.push(' ');
    }
    (phrases, free)
}

/// A weighted term; its scores need frequencies, not positions.
fn term_query(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(query), boost))
}

fn term_query_basic(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// A phrase (or a single term) over already-analysed tokens.
fn phrase_query(field: Field, tokens: &[String], boost: f32) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [single] => Some(term_query(field, single, boost)),
        many => {
            let terms = many
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            Some(Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new(terms)),
                boost,
            )))
        }
    }
}

/// A text as a phrase in the morphological field and as a phrase in the bigram field (at
/// half the weight): either matches.
fn phrase_views(
    analyzer: &Analyzer,
    fields: &TextFields,
    text: &str,
    boost: f32,
) -> Vec<Box<dyn Query>> {
    let morph: Vec<String> = analyzer.analyze(text).into_iter().map(|t| t.term).collect();
    let grams: Vec<String> = bigrams(text).into_iter().map(|t| t.term).collect();
    [
        phrase_query(fields.body, &morph, boost),
        phrase_query(fields.bigram, &grams, boost * 0.5),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A text matched as a phrase in the morphological field, or else in the bigram field.
fn text_as_phrase(
    analyzer: &Analyzer,
    fields: &TextFields,
    text: &str,
    boost: f32,
) -> Option<Box<dyn Query>> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = phrase_views(analyzer, fields, text, boost)
        .into_iter()
        .map(|q| (Occur::Should, q))
        .collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// The scoring query of a search without quoted phrases, clause by clause: a document
/// matches when it matches one of `matching`, and scores the sum of the scores of every
/// clause of `matching` and `bonus` it matches — what [`build`] computes as one query.
pub struct Clauses {
    /// Terms in body and heading, bigrams, expansions as phrases.
    pub matching: Vec<Box<dyn Query>>,
    /// The terms of the first clauses of `matching`, which are single terms (the terms and
    /// bigrams), in their order.
    pub single_terms: Vec<Term>,
    /// Adjacent terms as phrases (only found where both terms match) and the facets.
    pub bonus: Vec<Box<dyn Query>>,
}

/// [`build`]'s query as separate clauses, or `None` when there are quoted phrases (they are
/// required, which separate clauses cannot say).
pub fn clauses(
    analyzer: &Analyzer,
    fields: &TextFields,
    parsed: &ParsedQuery,
    expansion_terms: &[String],
) -> Option<Clauses> {
    if !parsed.phrases.is_empty() {
        return None;
    }
    let mut single: Vec<(Field, &str, f32)> = Vec::new();
    for term in &parsed.terms {
        single.push((fields.body, term, BODY_TERM_BOOST));
        if let Some(heading) = fields.heading {
            single.push((heading, term, HEADING_BOOST));
        }
    }
    for gram in &parsed.bigrams {
        single.push((fields.bigram, gram, BIGRAM_BOOST));
    }
    let mut matching: Vec<Box<dyn Query>> = single
        .iter()
        .map(|&(field, text, boost)| term_query(field, text, boost))
        .collect();
    let single_terms = single
        .iter()
        .map(|&(field, text, _)| Term::from_field_text(field, text))
        .collect();
    for expansion in expansion_terms {
        matching.extend(phrase_views(analyzer, fields, expansion, EXPANSION_BOOST));
    }
    let mut bonus = adjacent_phrases(fields, parsed);
    bonus.extend(facet_clauses(fields, parsed));
    Some(Clauses {
        matching,
        single_terms,
        bonus,
    })
}

/// Adjacent free-text terms as phrases, for a proximity bonus.
fn adjacent_phrases(fields: &TextFields, parsed: &ParsedQuery) -> Vec<Box<dyn Query>> {
    parsed
        .runs
        .iter()
        .flat_map(|run| run.windows(2))
        .filter_map(|pair| phrase_query(fields.body, pair, ADJACENT_PHRASE_BOOST))
        .collect()
}

/// The "has an amount" / "has a date" facets the question asks for.
fn facet_clauses(fields: &TextFields, parsed: &ParsedQuery) -> Vec<Box<dyn Query>> {
    let Some(facet_field) = fields.facets else {
        return Vec::new();
    };
    [
        (parsed.wants_amount, FACET_AMOUNT),
        (parsed.wants_date, FACET_DATE),
    ]
    .into_iter()
    .filter(|(wanted, _)| *wanted)
    .map(|(_, facet)| term_query_basic(facet_field, facet, FACET_BOOST))
    .collect()
}

/// The weighted single terms a first pass picks candidates by (see
/// [`crate::search::topk::candidates`]).
#[derive(Debug, Clone, Default)]
pub struct CandidateTerms {
    /// The free-text terms in body and heading, and each expansion's words in the body, at
    /// the weights of body and heading terms.
    pub words: Vec<(Term, f32)>,
    /// The query's and its expansions' bigrams at the bigram weight: for compounds the
    /// morphological view splits differently.
    pub bigrams: Vec<(Term, f32)>,
    /// The facets the question asks for, at the facet weight.
    pub facets: Vec<(Term, f32)>,
}

/// The terms of the first pass of a search over `fields`.
pub fn candidate_terms(
    analyzer: &Analyzer,
    fields: &TextFields,
    parsed: &ParsedQuery,
    expansion_terms: &[String],
) -> CandidateTerms {
    let expansion_words = expansion_terms
        .iter()
        .flat_map(|expansion| analyzer.analyze(expansion))
        .map(|token| token.term);
    let expansion_grams = expansion_terms
        .iter()
        .flat_map(|expansion| bigrams(expansion))
        .map(|token| token.term);
    let facets = match fields.facets {
        Some(field) => [
            (parsed.wants_amount, FACET_AMOUNT),
            (parsed.wants_date, FACET_DATE),
        ]
        .into_iter()
        .filter(|(wanted, _)| *wanted)
        .map(|(_, facet)| (Term::from_field_text(field, facet), FACET_BOOST))
        .collect(),
        None => Vec::new(),
    };
    let mut words = weighted_terms(
        fields.body,
        parsed.terms.iter().cloned().chain(expansion_words),
        BODY_TERM_BOOST,
    );
    if let Some(heading) = fields.heading {
        words.extend(weighted_terms(
            heading,
            parsed.terms.iter().cloned(),
            HEADING_BOOST,
        ));
    }
    CandidateTerms {
        words,
        bigrams: weighted_terms(
            fields.bigram,
            parsed.bigrams.iter().cloned().chain(expansion_grams),
            BIGRAM_BOOST,
        ),
        facets,
    }
}

/// Each distinct text as a term of `field` with weight `boost`.
fn weighted_terms(
    field: Field,
    texts: impl Iterator<Item = String>,
    boost: f32,
) -> Vec<(Term, f32)> {
    let mut terms: Vec<(Term, f32)> = Vec::new();
    for text in texts {
        let term = Term::from_field_text(field, &text);
        if !terms.iter().any(|(t, _)| *t == term) {
            terms.push((term, boost));
        }
    }
    terms
}

/// Builds the scoring query: required phrases, optional terms, expansions.
pub fn build(
    analyzer: &Analyzer,
    fields: &TextFields,
    parsed: &ParsedQuery,
    expansion_terms: &[String],
) -> Box<dyn Query> {
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for term in &parsed.terms {
        should.push((
            Occur::Should,
            term_query(fields.body, term, BODY_TERM_BOOST),
        ));
        if let Some(heading) = fields.heading {
            should.push((Occur::Should, term_query(heading, term, HEADING_BOOST)));
        }
    }
    should.extend(
        adjacent_phrases(fields, parsed)
            .into_iter()
            .map(|q| (Occur::Should, q)),
    );
    for gram in &parsed.bigrams {
        should.push((Occur::Should, term_query(fields.bigram, gram, BIGRAM_BOOST)));
    }
    for expansion in expansion_terms {
        if let Some(q) = text_as_phrase(analyzer, fields, expansion, EXPANSION_BOOST) {
            should.push((Occur::Should, q));
        }
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for phrase in &parsed.phrases {
        if let Some(q) = text_as_phrase(analyzer, fields, phrase, QUOTED_PHRASE_BOOST) {
            clauses.push((Occur::Must, q));
        }
    }
    if !should.is_empty() {
        let optional: Box<dyn Query> = Box::new(BooleanQuery::new(should));
        let occur = if clauses.is_empty() {
            Occur::Must
        } else {
            Occur::Should
        };
        clauses.push((occur, optional));
    }
    clauses.extend(
        facet_clauses(fields, parsed)
            .into_iter()
            .map(|q| (Occur::Should, q)),
    );
    Box::new(BooleanQuery::new(clauses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_phrases_are_split_out_even_when_unbalanced() {
        let (phrases, free) =
            split_quoted("「オール光ネットワーク」 予算 \"Beyond 5G\" 「閉じない");
        assert_eq!(phrases, ["オール光ネットワーク", "Beyond 5G"]);
        assert!(free.contains("予算") && free.contains("閉じない"));
    }
}
