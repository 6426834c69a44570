//! From extractions to one graph: document nodes, parser output, vocabulary nodes, ids made
//! canonical through the vocabulary, duplicates merged, theme/strategy/fund links read from
//! item names, and every source checked against the lines it cites.

use super::KnowledgeGraph;
use super::assembly::{GraphAssembly, PreparedDocument};
use super::model::{EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source};
use crate::corpus::{Corpus, SeedDoc};
use crate::extract::extract_document;
use crate::vocab::Vocabulary;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// What building the graph did, for the extraction report.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Nodes proposed by parsers, by document.
    pub proposed_nodes: Vec<(String, usize)>,
    /// Amount-like text no parser could read.
    pub unparsed: Vec<Source>,
    /// Nodes renamed onto a vocabulary entry.
    pub canonicalized: usize,
    /// Sources dropped because their quote does not stand in the cited lines.
    pub rejected_sources: usize,
    /// Edges dropped because an end is unknown.
    pub dangling_edges: usize,
}

/// What one document contributes before the corpus-wide merge: its document node and its
/// parser's nodes and edges. Kept per build so that adding or removing a document re-reads
/// only that document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentDrafts {
    /// The document's file name (its id).
    pub doc: String,
    /// Nodes the parser proposed (before the document node was added).
    pub proposed: usize,
    /// Document node, parser nodes and edges (roots attached to the document).
    pub extraction: Extraction,
}

/// Builds the knowledge graph of a corpus.
pub fn build_graph(corpus: &Corpus, vocab: &Vocabulary) -> (KnowledgeGraph, BuildReport) {
    let mut assembly = GraphAssembly::default();
    let prepared: Vec<PreparedDocument> = corpus
        .docs
        .par_iter()
        .map(|doc| PreparedDocument::new(doc, document_drafts(doc), corpus, vocab))
        .collect();
    for (doc, prepared) in corpus.docs.iter().zip(prepared) {
        assembly.add(doc, prepared, corpus, vocab);
    }
    assembly.into_graph(corpus, vocab)
}

/// Runs the document's parser and attaches its top-level items to the document node.
pub fn document_drafts(doc: &SeedDoc) -> DocumentDrafts {
    let mut extraction = extract_document(doc);
    let proposed = extraction.nodes.len();
    attach_roots_to_document(doc, &mut extraction);
    extraction.nodes.insert(0, document_node(doc));
    DocumentDrafts {
        doc: doc.file().to_string(),
        proposed,
        extraction,
    }
}

/// One node per document, citing its first non-empty line.
fn document_node(doc: &SeedDoc) -> NodeDraft {
    let (number, line) = doc
        .lines
        .iter()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i as u32 + 1, l.trim().to_string()))
        .unwrap_or((1, String::new()));
    let source = Source {
        doc: doc.file().into(),
        line_start: number,
        line_end: number,
        quote: line.chars().take(120).collect::<String>().into(),
    };
    let mut node = NodeDraft::new(NodeType::Document, doc.file(), source);
    node.name = doc.info.title.clone();
    node.props
        .insert("file".into(), Value::String(doc.file().into()));
    node.props
        .insert("title".into(), Value::String(doc.info.title.clone()));
    node.props.insert(
        "publisher".into(),
        Value::String(doc.info.publisher.clone()),
    );
    node.props
        .insert("date".into(), Value::String(doc.info.date.clone()));
    node.props
        .insert("kind".into(), Value::String(doc.info.kind.as_str().into()));
    node
}

/// Top-level items of a document (nothing above them) become `part_of` the document.
fn attach_roots_to_document(doc: &SeedDoc, extraction: &mut Extraction) {
    let with_parent: BTreeSet<&str> = extraction
        .edges
        .iter()
        .filter(|e| e.rel == Rel::PartOf)
        .map(|e| e.from.as_str())
        .collect();
    let document_id = super::model::node_id(NodeType::Document, doc.file());
    let roots: Vec<EdgeDraft> = extraction
        .nodes
        .iter()
        .filter(|n| {
            matches!(
                n.node_type,
                NodeType::Policy | NodeType::Theme | NodeType::Measure
            )
        })
        .filter(|n| !with_parent.contains(n.id.as_str()))
        .filter_map(|n| {
            let source = n.sources.first()?.clone();
            Some(EdgeDraft::new(&n.id, Rel::PartOf, &document_id, source))
        })
        .collect();
    extraction.edges.extend(roots);
}

/// Whether a parser's node type may be merged into a vocabulary entry's type.
fn compatible(extracted: NodeType, curated: NodeType) -> bool {
    use NodeType::*;
    let items = [Measure, Program, Fund, Theme];
    let plans = [Strategy, Policy];
    extracted == curated
        || (items.contains(&extracted) && items.contains(&curated))
        || (plans.contains(&extracted) && plans.contains(&curated) && extracted != Policy)
}

/// Renames parser nodes whose name is a vocabulary term onto the vocabulary's id and type,
/// keeping the parser's name as an alias, and their edges with them. Returns the ids renamed.
pub(super) fn canonicalize(all: &mut Extraction, vocab: &Vocabulary) -> Vec<String> {
    let mut renamed: HashMap<String, String> = HashMap::new();
    for node in &mut all.nodes {
        if matches!(
            node.node_type,
            NodeType::Budget | NodeType::Document | NodeType::Indicator
        ) {
            continue;
        }
        let Some(entry) = vocab.lookup(&node.name) else {
            continue;
        };
        if entry.node_id == node.id || !compatible(node.node_type, entry.node_type) {
            continue;
        }
        renamed.insert(node.id.clone(), entry.node_id.clone());
        if node.name != entry.name {
            node.aliases.push(std::mem::take(&mut node.name));
        }
        node.id = entry.node_id.clone();
        node.node_type = entry.node_type;
        node.name = entry.name.clone();
    }
    for edge in &mut all.edges {
        if let Some(to) = renamed.get(edge.from.as_str()) {
            edge.from = to.as_str().into();
        }
        if let Some(to) = renamed.get(edge.to.as_str()) {
            edge.to = to.as_str().into();
        }
    }
    all.edges.retain(|e| e.from != e.to);
    renamed.into_keys().collect()
}

/// Links items to the concepts their own text names: a measure naming Beyond 5G targets
/// it, one naming a fund is funded by it, one naming a strategy implements the strategy,
/// and other vocabulary terms are mentioned; a body rests on the act named after it
/// (`…機構法` for `…機構`). Returns the links of `nodes`, in their order.
pub(super) fn named_links(nodes: &[NodeDraft], vocab: &Vocabulary) -> Vec<EdgeDraft> {
    let mut links = Vec::new();
    for node in nodes {
        if let Some(link) = founding_act(node, nodes, vocab) {
            links.push(link);
        }
        if !matches!(
            node.node_type,
            NodeType::Measure | NodeType::Program | NodeType::Policy | NodeType::Fund
        ) {
            continue;
        }
        let Some(source) = node.sources.first() else {
            continue;
        };
        for (target, mention) in vocab.mentions_in(&source.doc, source.line_start, &source.quote) {
            let Some(entry) = vocab.entry(&target) else {
                continue;
            };
            let rel = match (node.node_type, entry.node_type) {
                (_, NodeType::Theme) => Rel::Targets,
                (_, NodeType::Strategy) => Rel::Implements,
                (NodeType::Measure | NodeType::Program, NodeType::Fund) => Rel::FundedBy,
                (NodeType::Measure, NodeType::Program) => Rel::PartOf,
                _ => Rel::Mentions,
            };
            if node.id != target {
                links.push(EdgeDraft::new(&node.id, rel, &target, mention));
            }
        }
    }
    links
}

/// Sentence cues that the theme named is what the item is about (`Xについて`, `Xをはじめ
/// とする`, `Xを中心として`).
const TOPIC_CUES: [&str; 3] = ["について", "をはじめ", "を中心"];

/// For a law named after a body (`株式会社…機構法`, `国立研究開発法人…機構法`), the body's
/// `based_on` link to it: the act that sets the body up. The body is a vocabulary agency or
/// an agency among `nodes`.
fn founding_act(law: &NodeDraft, nodes: &[NodeDraft], vocab: &Vocabulary) -> Option<EdgeDraft> {
    if law.node_type != NodeType::Strategy {
        return None;
    }
    let body = law.name.strip_suffix('法')?;
    let source = law.sources.first()?;
    let named = |n: &&NodeDraft| {
        n.node_type == NodeType::Agency && (n.name == body || n.aliases.iter().any(|a| a == body))
    };
    let id = match vocab.canonical_node_id(NodeType::Agency, body) {
        Some(known) => known.to_string(),
        None => nodes.iter().find(named)?.id.clone(),
    };
    Some(EdgeDraft::new(&id, Rel::BasedOn, &law.id, source.clone()))
}

/// Lines after an item's own line that still belong to it, at most.
const MAX_CONTEXT_LINES: u32 = 25;

/// Reads each item's own block of lines in `doc` (from its line to the next item's, at most
/// [`MAX_CONTEXT_LINES`]): a strategy named in a sentence that says 「に基づき」/「を踏まえ」 is
/// what the item is `based_on`; an agency named in a sentence that says 「連携」 is one it
/// `collaborates_with` (the publishing ministry itself excepted). Items that share their line
/// with another item are left alone: the line cannot tell whose sentence it is. `items` are
/// `(line, id)` of every measure and program whose first source is in `doc`; the new nodes
/// and the links come in the order of the items sorted.
pub(super) fn context_cues(
    doc: &SeedDoc,
    items: Vec<(u32, String)>,
    vocab: &Vocabulary,
) -> (Vec<NodeDraft>, Vec<EdgeDraft>) {
    let mut items: Vec<(String, u32, String)> = items
        .into_iter()
        .map(|(line, id)| (doc.file().to_string(), line, id))
        .collect();
    items.sort();
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    for index in 0..items.len() {
        let (new_nodes, edges) = context_links(&items, index, doc, vocab);
        nodes.extend(new_nodes);
        links.extend(edges.into_iter().filter(|e| e.from != e.to));
    }
    (nodes, links)
}

/// The `based_on` / `collaborates_with` links (and the plans they rest on) read from the
/// block of the item at `index` of `items` (the items of `doc`, sorted by line).
fn context_links(
    items: &[(String, u32, String)],
    index: usize,
    doc: &SeedDoc,
    vocab: &Vocabulary,
) -> (Vec<NodeDraft>, Vec<EdgeDraft>) {
    let mut links = Vec::new();
    let mut new_nodes = Vec::new();
    let (doc_name, line_start, id) = &items[index];
    let next_item_line = items
        .get(index + 1)
        .filter(|(d, _, _)| d == doc_name)
        .map(|(_, line, _)| *line)
        .unwrap_or(u32::MAX);
    let shares_its_line = next_item_line == *line_start
        || index
            .checked_sub(1)
            .and_then(|i| items.get(i))
            .is_some_and(|(d, line, _)| d == doc_name && line == line_start);
    if shares_its_line {
        return (new_nodes, links);
    }
    let publisher: Vec<String> = vocab
        .find(&doc.info.publisher)
        .into_iter()
        .map(|m| m.entry.node_id.clone())
        .collect();
    let last = next_item_line
        .saturating_sub(1)
        .min(line_start + MAX_CONTEXT_LINES)
        .max(*line_start);
    for number in *line_start..=last {
        let line = doc.line(number);
        for sentence in line.split_inclusive(['。', '．']) {
            let based_on = crate::extract::mentions::BASED_ON_CUES
                .iter()
                .any(|c| sentence.contains(c));
            let together = crate::extract::mentions::COLLABORATION_CUES
                .iter()
                .any(|c| sentence.contains(c));
            let topical = TOPIC_CUES.iter().any(|c| sentence.contains(c));
            if !based_on && !together && !topical {
                continue;
            }
            if based_on {
                let (nodes, edges) = plans_rested_on(id, doc_name, number, sentence, vocab);
                new_nodes.extend(nodes);
                links.extend(edges);
            }
            for found in vocab.find(sentence) {
                let rel = match found.entry.node_type {
                    NodeType::Strategy if based_on => Rel::BasedOn,
                    NodeType::Agency if together && !publisher.contains(&found.entry.node_id) => {
                        Rel::CollaboratesWith
                    }
                    NodeType::Theme if topical => Rel::Targets,
                    _ => continue,
                };
                let source = Source {
                    doc: doc_name.as_str().into(),
                    line_start: number,
                    line_end: number,
                    quote: found.text(sentence).into(),
                };
                links.push(EdgeDraft::new(id, rel, &found.entry.node_id, source));
            }
        }
    }
    (new_nodes, links)
}

/// The plans and laws a sentence that says 「に基づき」/「を踏まえ」 names (quoted, or with
/// their decision note): strategy nodes (the vocabulary's where it knows the name) and the
/// item's `based_on` edges to them.
fn plans_rested_on(
    item: &str,
    doc: &str,
    line: u32,
    sentence: &str,
    vocab: &Vocabulary,
) -> (Vec<NodeDraft>, Vec<EdgeDraft>) {
    use crate::extract::recognise::{laws::find_laws, names::clean_name, plans::find_plans};
    let named = find_plans(sentence)
        .into_iter()
        .map(|m| (m.name, m.start, m.end, false))
        .chain(
            find_laws(sentence)
                .into_iter()
                .map(|m| (m.name, m.start, m.end, true)),
        );
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for (name, start, end, is_law) in named {
        let name = clean_name(&name);
        let source = Source {
            doc: doc.into(),
            line_start: line,
            line_end: line,
            quote: sentence[start..end].into(),
        };
        let id = match vocab.canonical_node_id(NodeType::Strategy, &name) {
            Some(known) => known.to_string(),
            None => {
                let mut node = NodeDraft::new(NodeType::Strategy, &name, source.clone());
                if is_law {
                    node.props
                        .insert("kind".into(), Value::String("law".into()));
                }
                let id = node.id.clone();
                nodes.push(node);
                id
            }
        };
        edges.push(EdgeDraft::new(item, Rel::BasedOn, &id, source));
    }
    (nodes, edges)
}

/// Drops sources whose quote does not stand in the cited lines (as written, or across the
/// line breaks of the span); nodes and edges left without a source are dropped too. `doc`
/// is the document most sources cite, others are looked up in `corpus`. Returns how many
/// sources were dropped.
pub(super) fn keep_verified_sources(
    nodes: &mut Vec<NodeDraft>,
    edges: &mut Vec<EdgeDraft>,
    doc: Option<&SeedDoc>,
    corpus: &Corpus,
) -> usize {
    let lookup = |name: &str| match doc {
        Some(doc) if doc.file() == name => Some(doc),
        _ => corpus.doc(name),
    };
    let mut rejected = 0;
    let mut verify = |sources: &mut Vec<Source>| {
        let before = sources.len();
        sources.retain(|s| lookup(&s.doc).is_some_and(|d| quote_stands_in(d, s)));
        rejected += before - sources.len();
    };
    nodes.iter_mut().for_each(|n| verify(&mut n.sources));
    edges.iter_mut().for_each(|e| verify(&mut e.sources));
    nodes.retain(|n| !n.sources.is_empty());
    edges.retain(|e| !e.sources.is_empty());
    rejected
}

/// Whether a source's quote stands verbatim in its cited lines.
pub fn quote_stands(corpus: &Corpus, source: &Source) -> bool {
    corpus
        .doc(&source.doc)
        .is_some_and(|doc| quote_stands_in(doc, source))
}

fn quote_stands_in(doc: &SeedDoc, source: &Source) -> bool {
    if source.line_start == 0 || source.line_end < source.line_start {
        return false;
    }
    let span: Vec<&str> = (source.line_start..=source.line_end)
        .map(|n| doc.line(n))
        .collect();
    let joined = span.join("\n");
    joined.contains(source.quote.as_str()) || span.concat().contains(source.quote.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::graph::model::cited_draft as cited;

    #[test]
    fn a_body_rests_on_the_act_named_after_it() {
        let vocab = Vocabulary::from_toml(
            "[[entry]]\ntype = \"agency\"\nname = \"国立研究開発法人テスト機構\"\naliases = [\"TST\"]\n",
        )
        .expect("vocabulary");
        let nodes = [
            cited(NodeType::Strategy, "国立研究開発法人テスト機構法", 3),
            cited(NodeType::Agency, "株式会社テスト支援機構", 5),
            cited(NodeType::Strategy, "株式会社テスト支援機構法", 6),
            cited(NodeType::Strategy, "電波法", 7),
        ];
        let links: Vec<(String, Rel, String)> = named_links(&nodes, &vocab)
            .into_iter()
            .filter(|e| e.rel == Rel::BasedOn)
            .map(|e| (e.from.to_string(), e.rel, e.to.to_string()))
            .collect();
        assert_eq!(
            links,
            [
                (
                    "agency:国立研究開発法人テスト機構".to_string(),
                    Rel::BasedOn,
                    nodes[0].id.clone()
                ),
                (nodes[1].id.clone(), Rel::BasedOn, nodes[2].id.clone()),
            ]
        );
    }
}
