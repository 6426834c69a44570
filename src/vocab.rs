//! The curated vocabulary of the policy domain (themes, agencies, funds, strategies and
//! programs with their aliases), read from `seeds/vocabulary.toml`, and a multi-pattern
//! matcher over it.
//!
//! Names and aliases are compared in a *match form*: [`crate::normalize::for_matching`]
//! (NFKC, lower-case latin, spaced letters joined) with white space, middle dots and hyphens
//! removed, so `Ｂｅｙｏｎｄ５Ｇ`, `Beyond 5G`, `A P N`, `DXイノベーション` and `DX・イノベーション`
//! all meet. Every match is mapped back to a byte range of the text as written, so quotes are
//! exact substrings. Latin ends of a pattern must sit on a word boundary: `6G` does not match
//! inside `26GHz`, nor `APN` inside `APNs`.
//!
//! The vocabulary serves three purposes: linking the corpus to shared nodes
//! ([`Vocabulary::link_corpus`], [`Vocabulary::mentions_in`]) and expanding search queries
//! with synonyms ([`Vocabulary::expand_query`]).

use crate::corpus::{Corpus, SeedDoc};
use crate::graph::model::{EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::normalize::NormalizedText;
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Most sources kept on one vocabulary node.
pub const MAX_SOURCES_PER_NODE: usize = 5;

/// Longest quote kept in a source, in chars.
const MAX_QUOTE_CHARS: usize = 200;

/// A match may run over at most this many line breaks (a name the PDF broke over lines).
const MAX_LINE_BREAKS_IN_MATCH: usize = 2;

/// A match that runs over a line break must be at least this many chars long in match form,
/// so that one-character vertical text (`特` / `交`) does not spell short aliases.
const MIN_CHARS_ACROSS_LINES: usize = 4;

/// Errors while loading the vocabulary.
#[derive(Debug, thiserror::Error)]
pub enum VocabError {
    /// The file could not be read.
    #[error("cannot read vocabulary {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML of the expected shape.
    #[error("invalid vocabulary: {0}")]
    Parse(String),
    /// An entry is inconsistent (unknown type, empty name, unknown parent, clashing alias).
    #[error("invalid vocabulary entry {name:?}: {message}")]
    Entry {
        /// The entry's canonical name.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// The matcher could not be built.
    #[error("cannot build the vocabulary matcher: {0}")]
    Matcher(String),
}

#[derive(Debug, Deserialize)]
struct VocabularyFile {
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    id_key: Option<String>,
    #[serde(rename = "type")]
    entry_type: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    props: toml::Table,
}

/// One concept of the vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabEntry {
    /// Node id: `node_id(node_type, id_key or name)`.
    pub node_id: String,
    /// Node type (strategy, agency, fund, theme or program).
    pub node_type: NodeType,
    /// Canonical name.
    pub name: String,
    /// Other names, as listed in the file.
    pub aliases: Vec<String>,
    /// Canonical name of the parent entry, if any.
    pub parent: Option<String>,
    /// Properties from the file (decided_on, decided_by, abbreviation …).
    pub props: Map<String, Value>,
}

impl VocabEntry {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A vocabulary term found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabMatch<'v> {
    /// The entry matched.
    pub entry: &'v VocabEntry,
    /// Byte offset of the match in the text as given.
    pub start: usize,
    /// Byte offset just past the match in the text as given.
    pub end: usize,
}

impl VocabMatch<'_> {
    /// The matched text as written.
    pub fn text<'t>(&self, haystack: &'t str) -> &'t str {
        haystack.get(self.start..self.end).unwrap_or("")
    }
}

/// Synonyms to search for one vocabulary term found in a query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Expansion {
    /// The query text that named the term, as typed.
    pub matched: String,
    /// The canonical name of the term.
    pub canonical: String,
    /// The node id of the term.
    pub node_id: String,
    /// The node type of the term.
    #[serde(rename = "type")]
    pub node_type: NodeType,
    /// Every other way of writing the term (canonical name first, then the aliases), without
    /// the form that was typed and without repeats of one match form.
    pub terms: Vec<String>,
}

/// One pattern of the matcher: a match form and the entry it stands for.
#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    /// Whether the first / last char of the match form is an ASCII letter or digit.
    latin_start: bool,
    latin_end: bool,
    chars: usize,
}

/// The curated vocabulary with its matcher.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    entries: Vec<VocabEntry>,
    patterns: Vec<Pattern>,
    matcher: Option<AhoCorasick>,
    by_id: HashMap<String, usize>,
    /// Each entry's parent entry.
    parents: Vec<Option<usize>>,
}

impl Vocabulary {
    /// Reads and checks a vocabulary file.
    pub fn load(path: &Path) -> Result<Vocabulary, VocabError> {
        let text = std::fs::read_to_string(path).map_err(|source| VocabError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Vocabulary::from_toml(&text)
    }

    /// Parses and checks vocabulary TOML.
    pub fn from_toml(text: &str) -> Result<Vocabulary, VocabError> {
        let file: VocabularyFile =
            toml::from_str(text).map_err(|e| VocabError::Parse(e.to_string()))?;
        let entries = file
            .entry
            .into_iter()
            .map(convert_entry)
            .collect::<Result<Vec<_>, _>>()?;
        Vocabulary::from_entries(entries)
    }

    /// Builds the matcher over checked entries.
    fn from_entries(entries: Vec<VocabEntry>) -> Result<Vocabulary, VocabError> {
        check_parents(&entries)?;
        let mut by_id = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            if by_id.insert(entry.node_id.clone(), index).is_some() {
                return Err(entry_error(entry, "another entry has the same node id"));
            }
        }
        let (forms, patterns) = collect_patterns(&entries)?;
        let matcher = if forms.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&forms)
                    .map_err(|e| VocabError::Matcher(e.to_string()))?,
            )
        };
        let parents = (0..entries.len())
            .map(|child| parent_of(&entries, child))
            .collect();
        Ok(Vocabulary {
            entries,
            patterns,
            matcher,
            by_id,
            parents,
        })
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[VocabEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the vocabulary has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this node id.
    pub fn entry(&self, node_id: &str) -> Option<&VocabEntry> {
        self.by_id.get(node_id).and_then(|&i| self.entries.get(i))
    }

    /// The entry whose canonical name or alias has this match form.
    pub fn lookup(&self, name: &str) -> Option<&VocabEntry> {
        let text = name.trim();
        self.find(text)
            .into_iter()
            .find(|m| m.start == 0 && m.end == text.len())
            .map(|m| m.entry)
    }

    /// The vocabulary node id for a node an extractor names, when the whole name is a name
    /// or alias of an entry of the same type (so that drafts merge with vocabulary nodes).
    pub fn canonical_node_id(&self, node_type: NodeType, name: &str) -> Option<&str> {
        self.lookup(name)
            .filter(|entry| entry.node_type == node_type)
            .map(|entry| entry.node_id.as_str())
    }

    /// Vocabulary terms in `text`, leftmost-longest and not overlapping, with byte ranges into
    /// `text` as given.
    pub fn find(&self, text: &str) -> Vec<VocabMatch<'_>> {
        select_leftmost_longest(self.candidates(text))
            .into_iter()
            .filter_map(|c| self.to_match(&c))
            .collect()
    }

    /// Like [`Vocabulary::find`], plus the mentions of an entry's ancestors written inside a
    /// match (`国際戦略局` inside `国際戦略局技術政策課`).
    fn find_with_ancestors(&self, text: &str) -> Vec<VocabMatch<'_>> {
        let candidates = self.candidates(text);
        let chosen = select_leftmost_longest(candidates.clone());
        let mut found = Vec::new();
        for outer in &chosen {
            found.extend(self.to_match(outer));
            let ancestors = self.ancestors(outer.entry);
            let mut seen = HashSet::new();
            for inner in &candidates {
                let inside = inner.start >= outer.start && inner.end <= outer.end;
                if inside && ancestors.contains(&inner.entry) && seen.insert(inner.entry) {
                    found.extend(self.to_match(inner));
                }
            }
        }
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        found
    }

    /// For each vocabulary term in a query, the other names to search as well.
    pub fn expand_query(&self, query: &str) -> Vec<Expansion> {
        let mut seen = HashSet::new();
        let mut expansions = Vec::new();
        for found in self.find(query) {
            if !seen.insert(found.entry.node_id.clone()) {
                continue;
            }
            let matched = found.text(query).to_string();
            let typed_form = match_form(&matched);
            let mut forms = HashSet::from([typed_form]);
            let terms = found
                .entry
                .names()
                .filter(|name| forms.insert(match_form(name)))
                .map(str::to_string)
                .collect();
            expansions.push(Expansion {
                matched,
                canonical: found.entry.name.clone(),
                node_id: found.entry.node_id.clone(),
                node_type: found.entry.node_type,
                terms,
            });
        }
        expansions
    }

    /// Vocabulary nodes named in a passage or item name that starts on line `line_start` of
    /// `doc`: one `(node id, source)` per node, in order of first appearance. The caller adds
    /// the `mentions` / `implements` edges.
    pub fn mentions_in(&self, doc: &str, line_start: u32, text: &str) -> Vec<(String, Source)> {
        let lines = LineIndex::new(text);
        let mut seen = HashSet::new();
        self.find_with_ancestors(text)
            .into_iter()
            .filter(|m| seen.insert(m.entry.node_id.clone()))
            .map(|m| {
                let source = lines.source(doc, line_start, text, m.start, m.end);
                (m.entry.node_id.clone(), source)
            })
            .collect()
    }

    /// One node per entry mentioned in the corpus (up to [`MAX_SOURCES_PER_NODE`] sources,
    /// spread over documents) and the `part_of` edges of the hierarchy between mentioned
    /// entries. Entries never mentioned are left out.
    pub fn link_corpus(&self, corpus: &Corpus) -> Extraction {
        // Documents are scanned in parallel and added in corpus order.
        let per_doc: Vec<DocMentions> = corpus
            .docs
            .par_iter()
            .map(|doc| self.doc_mentions(doc))
            .collect();
        let mut mentions = CorpusMentions::default();
        for (doc, found) in corpus.docs.iter().zip(per_doc) {
            mentions.add(doc.file(), found);
        }
        self.link_mentions(&mentions, corpus)
    }

    /// The vocabulary nodes and hierarchy edges of the mentions gathered from a corpus (see
    /// [`Vocabulary::link_corpus`]); `corpus` gives the lines the mentions stand on.
    pub fn link_mentions(&self, mentions: &CorpusMentions, corpus: &Corpus) -> Extraction {
        let mut extraction = Extraction::default();
        for (&index, per_doc) in &mentions.by_entry {
            if let Some(entry) = self.entries.get(index) {
                extraction.add_node(self.node_for(entry, spread_sources(per_doc)));
            }
        }
        for &index in mentions.by_entry.keys() {
            if let Some(edge) = self.parent_edge(index, mentions, corpus) {
                extraction.add_edge(edge);
            }
        }
        extraction
    }

    /// The mentions of one document: by entry its first [`MAX_SOURCES_PER_NODE`] sources
    /// (all a node keeps), and by line (in text order) those on lines that name an entry and
    /// its parent (all [`shared_line_source`] looks at).
    pub fn doc_mentions(&self, doc: &SeedDoc) -> DocMentions {
        let text = doc.lines.text();
        let index = LineIndex::new(text);
        let mut found_mentions = DocMentions::default();
        for found in self.find_with_ancestors(text) {
            let entry = self.entry_index(found.entry);
            let source = index.source(doc.file(), 1, text, found.start, found.end);
            let line_offset = index.line_start_offset(source.line_start);
            found_mentions.by_line.push((
                source.line_start,
                LineMention {
                    entry,
                    start: found.start.saturating_sub(line_offset),
                    end: found.end.saturating_sub(line_offset),
                },
            ));
            let sources = found_mentions.by_entry.entry(entry).or_default();
            if sources.len() < MAX_SOURCES_PER_NODE {
                sources.push(source);
            }
        }
        found_mentions.keep_lines_naming_a_parent(&self.parents);
        found_mentions
    }

    /// The entries `found` mentions that no document gathered in `before` does, each with its
    /// first mention in `found`: the first source of the vocabulary node made of it.
    pub fn first_mentions(
        &self,
        before: &CorpusMentions,
        found: &DocMentions,
    ) -> Vec<(&VocabEntry, Source)> {
        found
            .by_entry
            .iter()
            .filter(|(index, _)| !before.mentions(**index))
            .filter_map(|(index, sources)| {
                Some((self.entries.get(*index)?, sources.first()?.clone()))
            })
            .collect()
    }

    /// The `part_of` edge from a mentioned entry to its mentioned parent.
    fn parent_edge(
        &self,
        child: usize,
        mentions: &CorpusMentions,
        corpus: &Corpus,
    ) -> Option<EdgeDraft> {
        let entry = self.entries.get(child)?;
        let parent = self.parent_index(child)?;
        if !mentions.by_entry.contains_key(&parent) {
            return None;
        }
        let parent_entry = self.entries.get(parent)?;
        let first_mention = || {
            mentions
                .by_entry
                .get(&child)
                .and_then(|per_doc| per_doc.first())
                .and_then(|sources| sources.first())
                .cloned()
        };
        let source = shared_line_source(child, parent, mentions, corpus).or_else(first_mention)?;
        Some(EdgeDraft::new(
            &entry.node_id,
            Rel::PartOf,
            &parent_entry.node_id,
            source,
        ))
    }

    fn node_for(&self, entry: &VocabEntry, sources: Vec<Source>) -> NodeDraft {
        NodeDraft {
            id: entry.node_id.clone(),
            node_type: entry.node_type,
            name: entry.name.clone(),
            aliases: entry.aliases.clone(),
            props: entry.props.clone(),
            sources,
        }
    }

    fn entry_index(&self, entry: &VocabEntry) -> usize {
        self.by_id
            .get(&entry.node_id)
            .copied()
            .unwrap_or(usize::MAX)
    }

    fn parent_index(&self, child: usize) -> Option<usize> {
        self.parents.get(child).copied().flatten()
    }

    /// The chain of parents above an entry (guarded against cycles).
    fn ancestors(&self, entry: usize) -> HashSet<usize> {
        let mut found = HashSet::new();
        let mut current = entry;
        while let Some(parent) = self.parent_index(current) {
            if !found.insert(parent) {
                break;
            }
            current = parent;
        }
        found
    }

    /// Every pattern occurrence in `text` that passes the boundary and line-break checks.
    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let normalized = NormalizedText::new(text);
        let folded = FoldedForm::new(&normalized.text);
        let mut candidates = Vec::new();
        for hit in matcher.find_overlapping_iter(folded.text.as_str()) {
            let Some(pattern) = self.patterns.get(hit.pattern().as_usize()) else {
                continue;
            };
            let Some((norm_start, norm_end)) = folded.normalized_range(hit.start(), hit.end())
            else {
                continue;
            };
            if !on_latin_boundaries(&normalized.text, norm_start, norm_end, pattern) {
                continue;
            }
            let (start, end) = normalized.original_range(norm_start, norm_end);
            let Some(original) = text.get(start..end) else {
                continue;
            };
            let breaks = original.matches('\n').count();
            if breaks > MAX_LINE_BREAKS_IN_MATCH
                || (breaks > 0 && pattern.chars < MIN_CHARS_ACROSS_LINES)
            {
                continue;
            }
            candidates.push(Candidate {
                entry: pattern.entry,
                start,
                end,
                chars: pattern.chars,
            });
        }
        candidates
    }

    fn to_match(&self, candidate: &Candidate) -> Option<VocabMatch<'_>> {
        Some(VocabMatch {
            entry: self.entries.get(candidate.entry)?,
            start: candidate.start,
            end: candidate.end,
        })
    }
}

/// The entry named by `entries[child]`'s parent, of the same type.
fn parent_of(entries: &[VocabEntry], child: usize) -> Option<usize> {
    let entry = entries.get(child)?;
    let parent = entry.parent.as_deref()?;
    entries
        .iter()
        .position(|e| e.name == parent && e.node_type == entry.node_type)
}

/// One mention on a line: the entry and its byte range within the line.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct LineMention {
    entry: usize,
    start: usize,
    end: usize,
}

/// The mentions of one document: per line, and per entry with their sources.
#[derive(Debug, Default)]
pub struct DocMentions {
    by_line: Vec<(u32, LineMention)>,
    by_entry: BTreeMap<usize, Vec<Source>>,
}

impl DocMentions {
    /// Drops the line mentions of lines that do not name both an entry and its parent.
    fn keep_lines_naming_a_parent(&mut self, parents: &[Option<usize>]) {
        let mut entries_by_line: HashMap<u32, HashSet<usize>> = HashMap::new();
        for (line, mention) in &self.by_line {
            entries_by_line
                .entry(*line)
                .or_default()
                .insert(mention.entry);
        }
        let names_a_parent = |entries: &HashSet<usize>| {
            entries.iter().any(|entry| {
                parents
                    .get(*entry)
                    .copied()
                    .flatten()
                    .is_some_and(|parent| entries.contains(&parent))
            })
        };
        self.by_line
            .retain(|(line, _)| entries_by_line.get(line).is_some_and(names_a_parent));
    }
}

/// The mentions of a corpus: per entry the sources of each document that mentions it (in
/// corpus order), and per document and line the mentions starting on that line. Gathered
/// document by document, so that a document added later is scanned alone.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CorpusMentions {
    by_entry: BTreeMap<usize, Vec<Vec<Source>>>,
    by_line: BTreeMap<String, BTreeMap<u32, Vec<LineMention>>>,
}

impl CorpusMentions {
    /// Adds the mentions of the document `doc`, which comes after every document added so far.
    pub fn add(&mut self, doc: &str, found: DocMentions) {
        for (line, mention) in found.by_line {
            self.by_line
                .entry(doc.to_string())
                .or_default()
                .entry(line)
                .or_default()
                .push(mention);
        }
        for (entry, sources) in found.by_entry {
            self.by_entry.entry(entry).or_default().push(sources);
        }
    }

    /// Whether some document added so far mentions the entry at `index`.
    pub fn mentions(&self, index: usize) -> bool {
        self.by_entry.contains_key(&index)
    }
}

/// A source on a line where both entries are mentioned, quoting from the first mention to
/// the end of the last one; the line with the shortest such quote wins.
fn shared_line_source(
    child: usize,
    parent: usize,
    mentions: &CorpusMentions,
    corpus: &Corpus,
) -> Option<Source> {
    let mut best: Option<(usize, &String, u32, usize, usize)> = None;
    let lines = mentions
        .by_line
        .iter()
        .flat_map(|(doc, lines)| lines.iter().map(move |(line, found)| (doc, line, found)));
    for (doc, line, found) in lines {
        let names_both =
            found.iter().any(|f| f.entry == child) && found.iter().any(|f| f.entry == parent);
        if !names_both {
            continue;
        }
        let line_len = corpus.doc(doc).map_or(0, |d| d.line(*line).len());
        let spans: Vec<&LineMention> = found
            .iter()
            .filter(|f| (f.entry == child || f.entry == parent) && f.end <= line_len)
            .collect();
        let both =
            spans.iter().any(|f| f.entry == child) && spans.iter().any(|f| f.entry == parent);
        let (Some(start), Some(end)) = (
            spans.iter().map(|f| f.start).min(),
            spans.iter().map(|f| f.end).max(),
        ) else {
            continue;
        };
        let key = (end.saturating_sub(start), doc, *line, start, end);
        let better = best
            .as_ref()
            .is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2));
        if both && better {
            best = Some(key);
        }
    }
    let (_, doc, line, start, end) = best?;
    let quote = corpus
        .doc(doc)?
        .line(line)
        .get(start..end)
        .map(|q| truncate_chars(q, MAX_QUOTE_CHARS))?;
    Some(Source {
        doc: doc.into(),
        line_start: line,
        line_end: line,
        quote: quote.into(),
    })
}

/// A pattern occurrence in original byte offsets.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: usize,
    start: usize,
    end: usize,
    chars: usize,
}

/// Keeps the leftmost match, preferring the longest pattern at one start, then the next one
/// that begins after it ends.
fn select_leftmost_longest(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| {
        (
            c.start,
            std::cmp::Reverse(c.end),
            std::cmp::Reverse(c.chars),
        )
    });
    let mut chosen: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if chosen.last().is_none_or(|last| candidate.start >= last.end) {
            chosen.push(candidate);
        }
    }
    chosen
}

/// Whether a pattern with latin ends is not glued to further latin letters or digits.
fn on_latin_boundaries(normalized: &str, start: usize, end: usize, pattern: &Pattern) -> bool {
    let is_latin = |c: char| c.is_ascii_alphanumeric();
    let before_ok = !pattern.latin_start
        || !normalized
            .get(..start)
            .and_then(|s| s.chars().next_back())
            .is_some_and(is_latin);
    let after_ok = !pattern.latin_end
        || !normalized
            .get(end..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_latin);
    before_ok && after_ok
}

/// Chars dropped from the match form besides white space: middle dots and hyphens/dashes
/// (not the katakana prolonged sound mark ー).
fn is_soft_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '・' | '･'
                | '-'
                | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2015}'
                | '\u{2212}'
        )
}

/// The match form of a name or text: [`crate::normalize::for_matching`] without white space,
/// middle dots and hyphens.
pub fn match_form(text: &str) -> String {
    FoldedForm::new(&NormalizedText::new(text).text).text
}

/// Normalised text with soft separators removed, keeping for each char its byte range in the
/// normalised text.
struct FoldedForm {
    text: String,
    /// `(folded byte offset, normalised start, normalised end)` per kept char.
    spans: Vec<(usize, usize, usize)>,
}

impl FoldedForm {
    fn new(normalized: &str) -> FoldedForm {
        let mut text = String::with_capacity(normalized.len());
        let mut spans = Vec::with_capacity(normalized.len());
        for (offset, ch) in normalized.char_indices() {
            if is_soft_separator(ch) {
                continue;
            }
            spans.push((text.len(), offset, offset + ch.len_utf8()));
            text.push(ch);
        }
        FoldedForm { text, spans }
    }

    /// The normalised byte range covered by a folded byte range.
    fn normalized_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.spans.binary_search_by_key(&start, |s| s.0).ok()?;
        let last = self.spans.partition_point(|s| s.0 < end).checked_sub(1)?;
        let start = self.spans.get(first)?.1;
        let end = self.spans.get(last)?.2;
        (start < end).then_some((start, end))
    }
}

/// Byte offsets of line starts, to turn a byte range into a cited line span.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where 1-based line `line` starts (for texts indexed from line 1).
    fn line_start_offset(&self, line: u32) -> usize {
        (line as usize)
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The source of a byte range of `text`, whose first line is line `first_line` of `doc`.
    fn source(&self, doc: &str, first_line: u32, text: &str, start: usize, end: usize) -> Source {
        let line_start = self.line_of(start);
        let line_end = self.line_of(end.saturating_sub(1).max(start));
        let quote = text
            .get(start..end)
            .map(|q| truncate_chars(q, MAX_QUOTE_CHARS))
            .unwrap_or_default();
        let to_u32 = |line: usize| first_line.saturating_add(u32::try_from(line).unwrap_or(0));
        Source {
            doc: doc.into(),
            line_start: to_u32(line_start),
            line_end: to_u32(line_end).max(to_u32(line_start)),
            quote: quote.into(),
        }
    }
}

/// At most `max` chars of `text`, cut on a char boundary.
fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Up to [`MAX_SOURCES_PER_NODE`] sources, taking the first mention of every document before
/// the second of any.
fn spread_sources(per_doc: &[Vec<Source>]) -> Vec<Source> {
    let mut sources = Vec::new();
    let deepest = per_doc.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..deepest {
        for doc in per_doc {
            if sources.len() >= MAX_SOURCES_PER_NODE {
                return sources;
            }
            if let Some(source) = doc.get(round) {
                sources.push(source.clone());
            }
        }
    }
    sources
}

/// Node types a vocabulary entry may have.
fn entry_type(name: &str) -> Option<NodeType> {
    match NodeType::parse(name)? {
        t @ (NodeType::Strategy
        | NodeType::Agency
        | NodeType::Fund
        | NodeType::Theme
        | NodeType::Program) => Some(t),
        _ => None,
    }
}

fn entry_error(entry: &VocabEntry, message: &str) -> VocabError {
    VocabError::Entry {
        name: entry.name.clone(),
        message: message.to_string(),
    }
}

fn convert_entry(raw: RawEntry) -> Result<VocabEntry, VocabError> {
    let name = raw.name.trim().to_string();
    let error = |message: String| VocabError::Entry {
        name: name.clone(),
        message,
    };
    let node_type = entry_type(&raw.entry_type).ok_or_else(|| {
        error(format!(
            "type {:?} is not one of strategy, agency, fund, theme, program",
            raw.entry_type
        ))
    })?;
    if match_form(&name).is_empty() {
        return Err(error("the name is empty".into()));
    }
    let props = match serde_json::to_value(&raw.props) {
        Ok(Value::Object(map)) => map,
        Ok(_) => Map::new(),
        Err(e) => return Err(error(format!("props: {e}"))),
    };
    let key = raw.id_key.as_deref().map(str::trim).unwrap_or(&name);
    Ok(VocabEntry {
        node_id: node_id(node_type, key),
        node_type,
        aliases: raw
            .aliases
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        parent: raw.parent.map(|p| p.trim().to_string()),
        props,
        name,
    })
}

/// Every parent must name an entry of the same type.
fn check_parents(entries: &[VocabEntry]) -> Result<(), VocabError> {
    for entry in entries {
        let Some(parent) = &entry.parent else {
            continue;
        };
        if entry.node_type != NodeType::Agency {
            return Err(entry_error(
                entry,
                "only agencies have a parent here; other relations come from the documents",
            ));
        }
        let known = entries
            .iter()
            .any(|e| &e.name == parent && e.node_type == entry.node_type && e.name != entry.name);
        if !known {
            return Err(entry_error(
                entry,
                &format!("parent {parent:?} is not an entry of the same type"),
            ));
        }
    }
    Ok(())
}

/// The distinct match forms of all names and aliases; a form shared by two entries is an error.
fn collect_patterns(entries: &[VocabEntry]) -> Result<(Vec<String>, Vec<Pattern>), VocabError> {
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut forms = Vec::new();
    let mut patterns = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        for name in entry.names() {
            let form = match_form(name);
            if form.is_empty() {
                return Err(entry_error(entry, &format!("alias {name:?} is empty")));
            }
            match owner.get(&form) {
                Some(&other) if other == index => continue,
                Some(&other) => {
                    let other_name = entries.get(other).map(|e| e.name.as_str()).unwrap_or("");
                    return Err(entry_error(
                        entry,
                        &format!("{name:?} is also a name of {other_name:?}"),
                    ));
                }
                None => {}
            }
            owner.insert(form.clone(), index);
            patterns.push(Pattern {
                entry: index,
                latin_start: form
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric()),
                latin_end: form
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric()),
                chars: form.chars().count(),
            });
            forms.push(form);
        }
    }
    Ok((forms, patterns))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn seeds_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
    }

    static VOCAB: LazyLock<Vocabulary> = LazyLock::new(|| {
        Vocabulary::load(&seeds_dir().join("vocabulary.toml")).expect("vocabulary loads")
    });

    static CORPUS: LazyLock<Corpus> =
        LazyLock::new(|| Corpus::load(&seeds_dir()).expect("corpus loads"));

    static LINKED: LazyLock<Extraction> = LazyLock::new(|| VOCAB.link_corpus(&CORPUS));

    const SMALL: &str = r#"
[[entry]]
type = "theme"
name = "オール光ネットワーク"
aliases = ["APN", "All-Photonics Network"]

[[entry]]
type = "theme"
name = "Beyond 5G"
aliases = ["B5G", "6G", "Beyond 5G（6G）"]

[[entry]]
type = "theme"
name = "量子暗号通信"
aliases = ["QKD", "量子鍵配送"]

[[entry]]
type = "fund"
name = "革新的情報通信技術（Beyond 5G（6G））基金"
aliases = ["Beyond 5G基金", "6G基金"]

[[entry]]
type = "agency"
name = "総務省"
aliases = ["MIC"]

[[entry]]
type = "agency"
name = "国際戦略局"
aliases = ["総務省国際戦略局"]
parent = "総務省"

[[entry]]
type = "agency"
name = "技術政策課"
aliases = ["国際戦略局技術政策課"]
parent = "国際戦略局"
props = { level = "課" }
"#;

    fn small() -> Vocabulary {
        Vocabulary::from_toml(SMALL).expect("small vocabulary")
    }

    fn names<'a>(text: &str, vocab: &'a Vocabulary) -> Vec<(&'a str, String)> {
        vocab
            .find(text)
            .into_iter()
            .map(|m| (m.entry.name.as_str(), m.text(text).to_string()))
            .collect()
    }

    #[test]
    fn aliases_and_width_and_case_variants_match() {
        let v = small();
        for text in [
            "APNの整備",
            "ＡＰＮの整備",
            "apn整備",
            "All Photonics Network",
        ] {
            let found = names(text, &v);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, "オール光ネットワーク");
        }
        let found = names("Ｂｅｙｏｎｄ　５Ｇの研究開発", &v);
        assert_eq!(found, vec![("Beyond 5G", "Ｂｅｙｏｎｄ　５Ｇ".to_string())]);
    }

    #[test]
    fn spaced_letters_match_and_quote_the_original() {
        let v = small();
        let text = "東京Q K Dネットワークと A P N の実証";
        let found = names(text, &v);
        assert_eq!(
            found,
            vec![
                ("量子暗号通信", "Q K D".to_string()),
                ("オール光ネットワーク", "A P N".to_string())
            ]
        );
    }

    #[test]
    fn no_match_inside_longer_latin_words() {
        let v = small();
        assert!(names("26GHz帯の割当て", &v).is_empty());
        assert!(names("APNs and MICROSOFT", &v).is_empty());
        assert!(names("SAPN", &v).is_empty());
        assert_eq!(names("5G/6G時代", &v).len(), 1);
        assert_eq!(names("(6G)", &v).len(), 1);
    }

    #[test]
    fn longest_name_wins_and_ancestors_are_found_inside() {
        let v = small();
        let text = "革新的情報通信技術 (Beyond 5G (6G)) 基金事業";
        let found = names(text, &v);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "革新的情報通信技術（Beyond 5G（6G））基金");
        let text = "総務省国際戦略局技術政策課";
        assert_eq!(
            names(text, &v),
            vec![
                ("国際戦略局", "総務省国際戦略局".to_string()),
                ("技術政策課", "技術政策課".to_string())
            ]
        );
        let linked = v.mentions_in("d.txt", 10, text);
        let ids: Vec<&str> = linked.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            ["agency:国際戦略局", "agency:総務省", "agency:技術政策課"]
        );
        let linked = v.mentions_in("d.txt", 10, "国際戦略局技術政策課長");
        let ids: Vec<&str> = linked.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["agency:技術政策課", "agency:国際戦略局"]);
        assert_eq!(linked[1].1.quote, "国際戦略局");
    }

    #[test]
    fn mentions_cite_lines_and_exact_quotes() {
        let v = small();
        let text = "第一行\nデジタル基盤とQKD\nBeyond 5G基\n金の活用";
        let linked = v.mentions_in("x.txt", 7, text);
        assert_eq!(linked.len(), 2);
        let (id, qkd) = &linked[0];
        assert_eq!(id, "theme:量子暗号通信");
        assert_eq!(
            (qkd.line_start, qkd.line_end, qkd.quote.as_str()),
            (8, 8, "QKD")
        );
        let (id, fund) = &linked[1];
        assert!(id.starts_with("fund:"));
        assert_eq!((fund.line_start, fund.line_end), (9, 10));
        assert_eq!(fund.quote, "Beyond 5G基\n金");
        assert!(text.contains(fund.quote.as_str()));
    }

    #[test]
    fn short_aliases_do_not_join_vertical_text() {
        let v = Vocabulary::from_toml(
            "[[entry]]\ntype = \"program\"\nname = \"特別交付税\"\naliases = [\"特交\"]\n",
        )
        .expect("vocabulary");
        assert!(v.find("国\n費\n特\n交").is_empty());
        assert_eq!(v.find("特交の措置").len(), 1);
    }

    #[test]
    fn expansions_for_abbreviations() {
        let v = &*VOCAB;
        let expand = |q: &str| v.expand_query(q);
        let six_g = expand("6Gの研究開発");
        assert_eq!(six_g.len(), 1);
        assert_eq!(six_g[0].canonical, "Beyond 5G");
        assert_eq!(six_g[0].matched, "6G");
        assert!(six_g[0].terms.contains(&"Beyond 5G".to_string()));
        assert!(!six_g[0].terms.contains(&"6G".to_string()));
        let b5g = expand("B5G 研究開発 予算");
        assert_eq!(b5g[0].canonical, "Beyond 5G");
        assert!(b5g[0].terms.contains(&"6G".to_string()));
        let qkd = expand("QKD テストベッド");
        assert_eq!(qkd[0].canonical, "量子暗号通信");
        assert!(qkd[0].terms.contains(&"量子鍵配送".to_string()));
        let card = expand("マイナカードと運転免許証");
        assert_eq!(card[0].canonical, "マイナンバーカード");
        assert_eq!(card[0].node_id, "theme:マイナンバーカード");
        let fund = expand("6G基金 予算");
        assert_eq!(fund[0].node_type, NodeType::Fund);
        assert!(fund[0].terms.iter().any(|t| t.contains("Beyond 5G")));
        let honebuto = expand("骨太の方針2025はいつ閣議決定された?");
        assert_eq!(honebuto[0].canonical, "経済財政運営と改革の基本方針2025");
    }

    #[test]
    fn invalid_files_are_rejected() {
        let bad_type = "[[entry]]\ntype = \"measure\"\nname = \"x\"\n";
        assert!(matches!(
            Vocabulary::from_toml(bad_type),
            Err(VocabError::Entry { .. })
        ));
        let clash = "[[entry]]\ntype = \"theme\"\nname = \"A\"\naliases = [\"ｘｙ\"]\n\
                     [[entry]]\ntype = \"theme\"\nname = \"B\"\naliases = [\"X Y\"]\n";
        assert!(matches!(
            Vocabulary::from_toml(clash),
            Err(VocabError::Entry { .. })
        ));
        let orphan = "[[entry]]\ntype = \"agency\"\nname = \"課\"\nparent = \"局\"\n";
        assert!(matches!(
            Vocabulary::from_toml(orphan),
            Err(VocabError::Entry { .. })
        ));
        let plan_parent = "[[entry]]\ntype = \"strategy\"\nname = \"甲計画\"\n\
                           [[entry]]\ntype = \"strategy\"\nname = \"乙計画\"\nparent = \"甲計画\"\n";
        assert!(matches!(
            Vocabulary::from_toml(plan_parent),
            Err(VocabError::Entry { .. })
        ));
        assert!(matches!(
            Vocabulary::from_toml("entry = 3"),
            Err(VocabError::Parse(_))
        ));
        assert!(Vocabulary::load(Path::new("/nonexistent/vocabulary.toml")).is_err());
        assert!(Vocabulary::from_toml("").is_ok_and(|v| v.is_empty()));
    }

    #[test]
    fn real_vocabulary_loads_with_props_and_parents() {
        let v = &*VOCAB;
        assert!(v.len() > 200);
        let plan = v
            .lookup("経済財政運営と改革の基本方針２０２５")
            .expect("骨太2025");
        assert_eq!(
            plan.props.get("decided_on"),
            Some(&Value::from("2025-06-13"))
        );
        let nict = v.lookup("NICT").expect("NICT");
        assert_eq!(nict.name, "国立研究開発法人情報通信研究機構");
        assert_eq!(nict.parent.as_deref(), Some("総務省"));
        let fund = v.lookup("Beyond 5G 基金").expect("fund");
        assert_eq!(fund.node_id, "fund:革新的情報通信技術(Beyond5G(6G))基金");
        assert_eq!(
            v.canonical_node_id(
                NodeType::Fund,
                "革新的情報通信技術 (Beyond 5G (6G)) 基金事業"
            ),
            Some("fund:革新的情報通信技術(Beyond5G(6G))基金")
        );
        assert_eq!(v.canonical_node_id(NodeType::Theme, "Beyond 5G基金"), None);
        assert_eq!(
            v.canonical_node_id(NodeType::Fund, "Beyond 5G基金の活用"),
            None
        );
    }

    #[test]
    fn corpus_linking_cites_exact_quotes_and_builds_the_hierarchy() {
        let extraction = &*LINKED;
        assert!(extraction.nodes.len() > 150, "{}", extraction.nodes.len());
        for node in &extraction.nodes {
            assert!(!node.sources.is_empty() && node.sources.len() <= MAX_SOURCES_PER_NODE);
            for source in &node.sources {
                assert_quote_in_lines(source);
            }
        }
        for edge in &extraction.edges {
            assert_eq!(edge.rel, Rel::PartOf);
            assert!(extraction.nodes.iter().any(|n| n.id == edge.from));
            assert!(extraction.nodes.iter().any(|n| n.id == edge.to));
            for source in &edge.sources {
                assert_quote_in_lines(source);
            }
        }
        let has_edge = |from: &str, to: &str| {
            extraction
                .edges
                .iter()
                .any(|e| e.from == format!("agency:{from}") && e.to == format!("agency:{to}"))
        };
        assert!(has_edge("技術政策課", "国際戦略局"));
        assert!(has_edge("国際戦略局", "総務省"));
        assert!(has_edge("消防庁", "総務省"));
        let ids: HashSet<&str> = extraction.nodes.iter().map(|n| n.id.as_str()).collect();
        for id in [
            "theme:量子暗号通信",
            "theme:HAPS",
            "agency:国立研究開発法人情報通信研究機構",
        ] {
            assert!(ids.contains(id), "{id}");
        }
        let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
        for node in &extraction.nodes {
            *by_type.entry(node.node_type.to_string()).or_default() += 1;
        }
        println!(
            "linked nodes by type: {by_type:?}, part_of edges: {}",
            extraction.edges.len()
        );
    }

    fn assert_quote_in_lines(source: &Source) {
        let doc = CORPUS.doc(&source.doc).expect("doc");
        let lines: Vec<&str> = (source.line_start..=source.line_end)
            .map(|l| doc.line(l))
            .collect();
        let text = lines.join("\n");
        assert!(
            !source.quote.is_empty() && text.contains(source.quote.as_str()),
            "{source:?} not in {text:?}"
        );
    }

    #[test]
    fn every_entry_is_found_in_the_corpus_or_listed() {
        let extraction = &*LINKED;
        let linked: HashSet<&str> = extraction.nodes.iter().map(|n| n.id.as_str()).collect();
        let doc_forms: Vec<String> = CORPUS
            .docs
            .iter()
            .map(|d| match_form(&d.lines.iter().collect::<String>()))
            .collect();
        let mut by_alias_only = Vec::new();
        let mut unmatched = Vec::new();
        for entry in VOCAB.entries() {
            if !linked.contains(entry.node_id.as_str()) {
                unmatched.push(format!("{} {}", entry.node_type, entry.name));
                continue;
            }
            let canonical = match_form(&entry.name);
            let named = doc_forms.iter().any(|form| form.contains(&canonical));
            if !named {
                by_alias_only.push(entry.name.as_str());
            }
        }
        println!(
            "found only through an alias ({}): {by_alias_only:?}",
            by_alias_only.len()
        );
        println!("never mentioned ({}):", unmatched.len());
        for name in &unmatched {
            println!("  {name}");
        }
        assert!(
            unmatched.len() * 4 < VOCAB.len(),
            "too many unmatched entries"
        );
    }

    #[test]
    fn vocabulary_nodes_against_the_gold_entities() {
        use crate::eval::facts::{GoldSet, score};
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
        let Ok(gold) = GoldSet::load_dir(&dir) else {
            return;
        };
        let extraction = &*LINKED;
        let scores = score(&gold, &extraction.nodes, &extraction.edges);
        println!("{scores}");
        let vocab_types = [
            "entity agency",
            "entity strategy",
            "entity theme",
            "entity fund",
        ];
        for line in scores
            .missed
            .iter()
            .filter(|m| vocab_types.iter().any(|t| m.contains(t)))
        {
            println!("  missed {line}");
        }
        let agency = scores.entities.get("agency").copied().unwrap_or_default();
        assert!(agency.recall() > 0.5, "{agency:?}");
    }

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_char_boundaries(text in "\\PC{0,80}") {
            let v = &*VOCAB;
            for m in v.find(&text) {
                prop_assert!(m.start <= m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
            let _ = v.expand_query(&text);
            for (_, source) in v.mentions_in("p.txt", 1, &text) {
                prop_assert!(text.contains(source.quote.as_str()));
            }
        }

        #[test]
        fn never_panics_on_vocabulary_words(parts in proptest::collection::vec(
            prop_oneof![
                Just("A P N"), Just("6G"), Just("Ｂ５Ｇ"), Just("\n"), Just(" "), Just("基金"),
                Just("国際戦略局"), Just("技術政策課"), Just("Beyond"), Just("5G"), Just("x"),
                Just("・"), Just("量子"), Just("暗号通信"), Just("QKD"), Just("㍿"),
            ],
            0..12,
        )) {
            let text: String = parts.concat();
            for m in VOCAB.find(&text) {
                prop_assert!(text.get(m.start..m.end).is_some());
            }
            for (_, source) in VOCAB.mentions_in("p.txt", 3, &text) {
                prop_assert!(text.contains(source.quote.as_str()));
                prop_assert!(source.line_start >= 3 && source.line_end >= source.line_start);
            }
        }
    }
}
