//! Reader for excerpts of government strategies grouped by strategic area
//! (`strategy_excerpts`): every `■name(date decider)` line is a strategy; its excerpts are
//! either table rows (one per strategic area, the label cell often lost) or bullet lines
//! under an area label line. Strategies are linked to the areas (themes) they address, to
//! their deciders (agencies) and to the strategies and laws they rest on.

use super::collect::{Collector, shorten, strip_tags_keep_len};
use super::recognise::bodies::{body_chain, find_actor_acronyms, find_bodies, find_legal_bodies};
use super::recognise::decisions::{decider_agency, parse_decision};
use super::recognise::names::{bigram_overlap, clean_name, loose_key, strip_markup};
use crate::corpus::SeedDoc;
use crate::graph::model::{EdgeDraft, Extraction, NodeType, Rel, Source};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// Reads a strategy-excerpt document into nodes and edges.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut reader = ExcerptReader {
        c: Collector::new(doc),
        strategies: Vec::new(),
        abbreviations: Vec::new(),
    };
    reader.read();
    reader.c.finish()
}

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"「([^「」]{2,80})」").expect("quoted pattern"));
static STRATEGY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(計画|戦略|プラン|ロードマップ|方針|構想|骨子|推進方策|事項)\s*(\d+(\.\d+)?)?(\(案\))?$",
    )
    .expect("strategy name")
});
static POLICY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(法|ガイドライン|イニシアティブ|指針|プロセス)$").expect("policy name")
});
static PROGRAM_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(プログラム|サービス|プロジェクト)$").expect("program name"));
static PROGRAM_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}\p{Katakana}ー]{4,}(?:プログラム)").expect("program mention")
});
static STRATEGY_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第\d+期[\p{Han}\p{Katakana}ー・]*?(?:計画|戦略)|[\p{Han}\p{Katakana}ー・]{2,}(?:計画|戦略)\s*\d{4}")
        .expect("strategy mention")
});
static ALIAS_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[（(]以下「([^「」]{1,30})」という。?[）)]").expect("alias pattern")
});
static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<p>(.*?)</p>").expect("paragraph pattern"));

/// A strategy read from a ■ line.
#[derive(Debug, Clone)]
struct StrategyEntry {
    id: String,
    name: String,
    key: String,
}

/// One ■ block: the strategy, its table rows, its area label and its body lines.
#[derive(Debug, Default)]
struct Block {
    strategy: String,
    rows: Vec<usize>,
    label: Option<usize>,
    body: Vec<usize>,
}

struct ExcerptReader<'a> {
    c: Collector<'a>,
    strategies: Vec<StrategyEntry>,
    abbreviations: Vec<(String, String)>,
}

impl ExcerptReader<'_> {
    fn line_count(&self) -> usize {
        self.c.doc.lines.len()
    }

    fn read(&mut self) {
        self.read_publisher();
        let blocks = self.read_blocks();
        let areas = self.read_area_labels(&blocks);
        for block in &blocks {
            self.read_rows(block, &areas);
            self.read_labelled_body(block);
        }
        for line in 1..=self.line_count() {
            self.read_legal_bodies(line);
        }
        for line in 1..=self.line_count() {
            self.read_organisations(line);
            self.read_named_items(line);
        }
        for block in &blocks {
            for &line in block.rows.iter().chain(&block.body) {
                self.link_bases(&block.strategy, line);
            }
        }
    }

    fn read_publisher(&mut self) {
        let publisher = self.c.doc.info.publisher.trim().to_string();
        let limit = self.line_count().min(30);
        let Some(line) =
            (1..=limit).find(|&n| !publisher.is_empty() && self.c.line(n).trim() == publisher)
        else {
            return;
        };
        let ids = self.body_chain_nodes(line, self.c.line(line));
        if let Some(last) = ids.last() {
            self.c.prop(last, "role", "publisher");
        }
    }

    /// Agency nodes for every body named in `text` (a line's text), with part_of links for
    /// concatenated names; returns their ids in order.
    fn body_chain_nodes(&mut self, line: usize, text: &str) -> Vec<String> {
        let bodies = find_bodies(text);
        let ids: Vec<String> = bodies
            .iter()
            .map(|b| {
                let source = self.c.source(line, &text[b.start..b.end]);
                self.c.node(NodeType::Agency, &b.name, source)
            })
            .collect();
        for (child, parent) in body_chain(text, &bodies) {
            let source = self
                .c
                .source(line, &text[bodies[parent].start..bodies[child].end]);
            self.c.edge(&ids[child], Rel::PartOf, &ids[parent], source);
        }
        ids
    }

    // ---------------------------------------------------------------- blocks

    fn read_blocks(&mut self) -> Vec<Block> {
        let mut blocks: Vec<Block> = Vec::new();
        let mut expecting_label = false;
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('■') {
                let strategy = self.read_strategy_line(line, rest);
                blocks.push(Block {
                    strategy,
                    ..Block::default()
                });
                expecting_label = true;
                continue;
            }
            if is_slide_heading(trimmed) {
                expecting_label = false;
                continue;
            }
            let Some(block) = blocks.last_mut() else {
                continue;
            };
            if raw.contains('\t') {
                block.rows.push(line);
            } else if expecting_label && is_area_label(trimmed) {
                block.label = Some(line);
            } else {
                block.body.push(line);
            }
            expecting_label = false;
        }
        blocks
    }

    /// `■name(令和7年6月13日閣議決定)` → a strategy node with its decision and decider.
    fn read_strategy_line(&mut self, line: usize, rest: &str) -> String {
        let (name_raw, note) = split_trailing_note(rest);
        let name = clean_name(name_raw);
        let source = self.c.source(line, self.c.line(line).trim());
        let id = self.strategy(&name, source.clone());
        if let Some((main, subtitle)) = subtitle_parts(&name) {
            self.c.alias(&id, &subtitle);
            self.c.alias(&id, &main);
        }
        if let Some(note) = note {
            self.read_decision(&id, line, note);
        }
        id
    }

    fn strategy(&mut self, name: &str, source: Source) -> String {
        let key = loose_key(name);
        if let Some(known) = self.strategies.iter().find(|s| s.key == key).cloned() {
            self.c.node(NodeType::Strategy, &known.name, source);
            return known.id;
        }
        let id = self.c.node(NodeType::Strategy, name, source);
        self.strategies.push(StrategyEntry {
            id: id.clone(),
            name: name.to_string(),
            key,
        });
        id
    }

    fn read_decision(&mut self, id: &str, line: usize, note: &str) {
        let Some(decision) = parse_decision(note) else {
            return;
        };
        self.c.prop(id, "decided_on", decision.date.clone());
        if decision.verb == "時点" {
            self.c.prop(id, "status", "draft");
            self.c.prop(id, "as_of", decision.date.clone());
        } else if !decision.verb.is_empty() {
            self.c.prop(id, "decision", decision.verb.clone());
        }
        let Some(by) = decision.by else { return };
        self.c.prop(id, "decided_by", by.clone());
        let source = self.c.source(line, note);
        let agency_name = decider_agency(&by);
        let chain = self.body_chain_nodes(line, note);
        let agency = match chain.last() {
            Some(last) if chain.len() > 1 => {
                self.c.alias(last, &agency_name);
                last.clone()
            }
            _ => self.c.node(NodeType::Agency, &agency_name, source.clone()),
        };
        self.c.edge(id, Rel::Responsible, &agency, source);
    }

    // ---------------------------------------------------------------- areas

    /// The strategic areas, in the order their label lines appear.
    fn read_area_labels(&mut self, blocks: &[Block]) -> Vec<(String, String)> {
        let mut areas: Vec<(String, String)> = Vec::new();
        for block in blocks {
            let Some(line) = block.label else { continue };
            let raw = self.c.line(line).trim();
            let name = clean_name(raw);
            let source = self.c.source(line, raw);
            let id = self.c.node(NodeType::Theme, &name, source.clone());
            self.c.prop(&id, "role", "strategic_area");
            let mut edge = EdgeDraft::new(&block.strategy, Rel::Targets, &id, source);
            edge.props
                .insert("basis".into(), Value::String("area label".into()));
            self.c.edge_with(edge);
            if !areas.iter().any(|(a, _)| *a == id) {
                areas.push((id, name));
            }
        }
        areas
    }

    /// Table rows: `\t<p>chapter path</p> <p>excerpt</p>`; the area cell is often empty and is
    /// then inferred from the row's position (rows follow the area order) or its keywords.
    fn read_rows(&mut self, block: &Block, areas: &[(String, String)]) {
        let by_order = !areas.is_empty() && block.rows.len() == areas.len();
        for (index, &line) in block.rows.iter().enumerate() {
            let raw = self.c.line(line);
            let Some((label_cell, cell)) = raw.split_once('\t') else {
                continue;
            };
            let (path, excerpt) = split_path_and_excerpt(cell);
            let label = clean_name(label_cell);
            let (area, basis) = if !label.is_empty() {
                let source = self.c.source(line, label_cell.trim());
                (
                    Some(self.c.node(NodeType::Theme, &label, source)),
                    "area label",
                )
            } else if by_order {
                (areas.get(index).map(|a| a.0.clone()), "row order")
            } else {
                (keyword_area(&path, &excerpt, areas), "keywords")
            };
            let Some(area) = area else { continue };
            let quote = path_quote(cell);
            let source = self.c.source(line, quote);
            let mut edge = EdgeDraft::new(&block.strategy, Rel::Targets, &area, source);
            edge.props
                .insert("chapter".into(), Value::String(path.clone()));
            edge.props.insert(
                "excerpt".into(),
                Value::String(shorten(&excerpt).to_string()),
            );
            edge.props
                .insert("basis".into(), Value::String(basis.into()));
            self.c.edge_with(edge);
        }
    }

    /// Body lines under an area label: headings form the chapter path, bullets are excerpts.
    fn read_labelled_body(&mut self, block: &Block) {
        let Some(label_line) = block.label else {
            return;
        };
        let name = clean_name(self.c.line(label_line));
        let area = crate::graph::model::node_id(NodeType::Theme, &name);
        let mut path: Vec<String> = Vec::new();
        for &line in &block.body {
            let raw = self.c.line(line);
            let text = clean_name(raw);
            if is_excerpt_line(raw) {
                let quote = raw.trim().trim_start_matches(['-', ' ', '・']);
                let source = self.c.source(line, quote);
                let mut edge = EdgeDraft::new(&block.strategy, Rel::Targets, &area, source);
                edge.props
                    .insert("chapter".into(), Value::String(path.join(" / ")));
                self.c.edge_with(edge);
            } else {
                heading_push(&mut path, text);
                self.read_embedded_strategy(&block.strategy, line, raw);
            }
        }
    }

    /// `2「name」(2025年5月29日…決定)` inside a block: a strategy the block's strategy rests on.
    fn read_embedded_strategy(&mut self, parent: &str, line: usize, raw: &str) {
        for caps in QUOTED.captures_iter(raw) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let after = raw[whole.end()..].trim_start();
            let (_, note) = split_trailing_note(after);
            let Some(note) = note.filter(|n| parse_decision(n).is_some()) else {
                continue;
            };
            let name = clean_name(inner.as_str());
            let source = self.c.source(line, whole.as_str());
            let id = self.strategy(&name, source.clone());
            self.read_decision(&id, line, note);
            self.c.edge(parent, Rel::BasedOn, &id, source);
        }
    }

    // ---------------------------------------------------------------- entities in text

    /// Bodies with their legal form and abbreviation (`独立行政法人情報処理推進機構(IPA)`).
    fn read_legal_bodies(&mut self, line: usize) {
        let raw = self.c.line(line);
        let text = strip_tags_keep_len(raw);
        for body in find_legal_bodies(&text) {
            let source = self.c.source(line, &raw[body.start..body.end]);
            let id = self.c.node(NodeType::Agency, &body.name, source);
            self.c.alias(&id, &body.short);
            if let Some(abbreviation) = &body.abbreviation {
                self.c.alias(&id, abbreviation);
                self.abbreviations.push((abbreviation.clone(), id.clone()));
            }
        }
    }

    fn read_organisations(&mut self, line: usize) {
        let raw = self.c.line(line);
        if raw.trim_start().starts_with('■') {
            return;
        }
        let text = strip_tags_keep_len(raw);
        let bodies: Vec<_> = find_bodies(&text)
            .into_iter()
            .filter(|b| !(text[..b.start].ends_with('「') && text[b.end..].starts_with('」')))
            .collect();
        let mut ids = Vec::new();
        for body in &bodies {
            let source = self.c.source(line, &raw[body.start..body.end]);
            ids.push(self.c.node(NodeType::Agency, &body.name, source));
        }
        for (child, parent) in body_chain(&text, &bodies) {
            let source = self
                .c
                .source(line, &raw[bodies[parent].start..bodies[child].end]);
            self.c.edge(&ids[child], Rel::PartOf, &ids[parent], source);
        }
        for (body, id) in bodies.iter().zip(&ids) {
            if let Some(caps) = ALIAS_DEFINITION.captures(&text[body.end..])
                && let Some(alias) = caps.get(1)
            {
                self.c.alias(id, alias.as_str());
            }
        }
        for (name, start, end) in find_actor_acronyms(&text) {
            let known = self.abbreviations.iter().any(|(a, _)| *a == name);
            if !known {
                let source = self.c.source(line, &raw[start..end]);
                self.c.node(NodeType::Agency, &name, source);
            }
        }
    }

    /// Quoted programs, laws and strategies, and unquoted …プログラム names.
    fn read_named_items(&mut self, line: usize) {
        let raw = self.c.line(line);
        if raw.trim_start().starts_with('■') {
            return;
        }
        for caps in QUOTED.captures_iter(raw) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let name = clean_name(inner.as_str());
            let Some(node_type) = classify(&name) else {
                continue;
            };
            let source = self.c.source(line, whole.as_str());
            if node_type == NodeType::Strategy {
                self.strategy(&name, source);
            } else {
                self.c.node(node_type, &name, source);
            }
        }
        let text = strip_tags_keep_len(raw);
        for m in PROGRAM_MENTION.find_iter(&text) {
            let source = self.c.source(line, m.as_str());
            self.c
                .node(NodeType::Program, &clean_name(m.as_str()), source);
        }
    }

    /// `…に基づき` / `を踏まえ` / `に掲げた` after a quoted name or a law, and mentions of other
    /// ■ strategies, make the block's strategy rest on them.
    fn link_bases(&mut self, strategy: &str, line: usize) {
        let raw = self.c.line(line);
        let text = strip_tags_keep_len(raw);
        for sentence in text.split_inclusive(['。', '>']) {
            let offset = sentence.as_ptr() as usize - text.as_ptr() as usize;
            let Some(trigger) = ["に基づき", "を踏まえ", "に掲げた", "に基づく"]
                .iter()
                .filter_map(|t| sentence.find(t))
                .min()
            else {
                continue;
            };
            let head = &sentence[..trigger];
            let quoted: Vec<(usize, usize, String)> = QUOTED
                .captures_iter(head)
                .filter_map(|c| {
                    let whole = c.get(0)?;
                    Some((whole.start(), whole.end(), clean_name(c.get(1)?.as_str())))
                })
                .collect();
            if let Some((start, end, name)) = quoted
                .last()
                .filter(|(_, end, _)| head[*end..].trim().len() <= 3)
            {
                let source = self.c.source(line, &raw[offset + start..offset + end]);
                let node_type = match classify(name) {
                    Some(NodeType::Policy) => NodeType::Policy,
                    _ => NodeType::Strategy,
                };
                let id = if node_type == NodeType::Strategy {
                    self.strategy(name, source.clone())
                } else {
                    self.c.node(node_type, name, source.clone())
                };
                self.c.edge(strategy, Rel::BasedOn, &id, source);
                continue;
            }
            let start = head
                .rfind(['、', '。', ' ', '」', '・'])
                .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            let law = head[start..].trim();
            let name = clean_name(law);
            if name.ends_with('法') && (2..=30).contains(&name.chars().count()) {
                let source = self
                    .c
                    .source(line, &raw[offset + start..offset + start + law.len()]);
                let id = self.c.node(NodeType::Policy, &name, source.clone());
                self.c.edge(strategy, Rel::BasedOn, &id, source);
            }
        }
        self.link_mentioned_strategies(strategy, line, &text);
    }

    /// Short names of other ■ strategies (`第6期基本計画`) written in an excerpt.
    fn link_mentioned_strategies(&mut self, strategy: &str, line: usize, text: &str) {
        let raw = self.c.line(line);
        for m in STRATEGY_MENTION.find_iter(text) {
            let mention = m.as_str();
            let target = self
                .strategies
                .iter()
                .filter(|s| s.id != strategy)
                .map(|s| (bigram_overlap(&s.name, mention), s))
                .filter(|(score, s)| {
                    *score >= 0.8 && s.name.chars().next() == mention.chars().next()
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, s)| s.id.clone());
            if let Some(target) = target {
                let source = self.c.source(line, &raw[m.start()..m.end()]);
                self.c.edge(strategy, Rel::BasedOn, &target, source);
            }
        }
    }
}

// -------------------------------------------------------------------- free helpers

/// What a quoted name is, if it is something to extract.
fn classify(name: &str) -> Option<NodeType> {
    if name.chars().count() < 3 {
        return None;
    }
    if STRATEGY_NAME.is_match(name) {
        Some(NodeType::Strategy)
    } else if POLICY_NAME.is_match(name) {
        Some(NodeType::Policy)
    } else if PROGRAM_NAME.is_match(name) {
        Some(NodeType::Program)
    } else {
        None
    }
}

/// Splits `name(note)` where the trailing parenthesis holds a date; parentheses inside the
/// name (`骨子(案)`) stay in the name.
fn split_trailing_note(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end();
    let Some(last) = trimmed
        .chars()
        .next_back()
        .filter(|c| *c == ')' || *c == '）')
    else {
        return (trimmed, None);
    };
    let close = trimmed.len() - last.len_utf8();
    let mut depth = 0usize;
    for (index, ch) in trimmed[..close].char_indices().rev() {
        match ch {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' | '（' => {
                let note = &trimmed[index + ch.len_utf8()..close];
                if crate::money::find_dates(note).next().is_none() {
                    return (trimmed, None);
                }
                return (&trimmed[..index], Some(note));
            }
            _ => {}
        }
    }
    (trimmed, None)
}

/// `Main title-Subtitle-` → (main title, subtitle).
fn subtitle_parts(name: &str) -> Option<(String, String)> {
    let body = name.strip_suffix(['-', '－', '―'])?;
    let cut = body.rfind(['-', '－', '―'])?;
    let main = body[..cut].trim();
    let subtitle = body[cut..].trim_start_matches(['-', '－', '―']).trim();
    (!main.is_empty() && !subtitle.is_empty()).then(|| (main.to_string(), subtitle.to_string()))
}

/// `「政府の重要政策」の具体例①` style slide headings.
fn is_slide_heading(text: &str) -> bool {
    text.ends_with(|c: char| ('①'..='⑳').contains(&c)) && !text.starts_with('-')
}

/// A short bare line naming a strategic area.
fn is_area_label(text: &str) -> bool {
    let count = text.chars().count();
    (2..=24).contains(&count)
        && !text.starts_with(['-', '第', '(', '（', '「', '<', '・'])
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && !text.contains(['。', '、', '\t'])
}

/// Lines holding excerpt text rather than a chapter heading.
fn is_excerpt_line(raw: &str) -> bool {
    let text = raw.trim().trim_start_matches(['-', ' ']);
    text.starts_with('・') || text.chars().count() > 60 || text.contains('。')
}

/// Keeps a chapter path as a stack: a heading of the same numbering style replaces the last
/// one of that style and everything under it.
fn heading_push(path: &mut Vec<String>, heading: String) {
    let style = numbering_style(&heading);
    if let Some(position) = path.iter().position(|h| numbering_style(h) == style) {
        path.truncate(position);
    }
    path.push(heading);
}

fn numbering_style(heading: &str) -> String {
    let text = heading.trim_start_matches(['-', ' ']);
    let mut chars = text.chars();
    match chars.next() {
        Some('第') => text
            .chars()
            .take_while(|c| *c != ' ')
            .filter(|c| !c.is_ascii_digit())
            .collect(),
        Some(c) if c.is_ascii_digit() => {
            let number: String = text
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
                .collect();
            format!("digit{}", number.matches(['-', '.']).count())
        }
        Some('(') | Some('（') => "paren".into(),
        Some(c) if ('①'..='⑳').contains(&c) => "circled".into(),
        Some(c) if c.is_ascii_lowercase() => "letter".into(),
        _ => "other".into(),
    }
}

/// Splits a row cell into its chapter path (heading paragraphs) and its excerpt text.
fn split_path_and_excerpt(cell: &str) -> (String, String) {
    let before_list = cell.split("<ul").next().unwrap_or(cell);
    let paragraphs: Vec<String> = PARAGRAPH
        .captures_iter(before_list)
        .filter_map(|c| c.get(1).map(|m| clean_name(m.as_str())))
        .filter(|p| !p.is_empty())
        .collect();
    let has_list = cell.contains("<ul");
    let (path, excerpt) = if has_list {
        let excerpt = cell
            .split_once("<ul")
            .map(|(_, rest)| clean_name(rest))
            .unwrap_or_default();
        (paragraphs, excerpt)
    } else if paragraphs.len() > 1 {
        let split = paragraphs
            .iter()
            .position(|p| !is_heading_paragraph(p))
            .unwrap_or(paragraphs.len() - 1)
            .max(1);
        (paragraphs[..split].to_vec(), paragraphs[split..].join(" "))
    } else {
        let whole = clean_name(cell);
        (vec![whole.clone()], whole)
    };
    (path.join(" / "), excerpt)
}

fn is_heading_paragraph(text: &str) -> bool {
    text.chars().count() <= 80 && !text.contains('。') && !text.starts_with('○')
}

/// The first paragraph of a row cell, as written, for a short quote.
fn path_quote(cell: &str) -> &str {
    let start = cell.find("<p>").map(|i| i + 3).unwrap_or(0);
    let end = cell[start..]
        .find("</p>")
        .map(|i| start + i)
        .unwrap_or(cell.len());
    let quote = cell[start..end].trim();
    if quote.is_empty() {
        shorten(cell.trim())
    } else {
        shorten(quote)
    }
}

/// The area whose label words appear in a row's chapter path (then its excerpt).
fn keyword_area(path: &str, excerpt: &str, areas: &[(String, String)]) -> Option<String> {
    for text in [path, excerpt] {
        let haystack = loose_key(text);
        let best = areas
            .iter()
            .map(|(id, name)| {
                (
                    area_keywords(name)
                        .iter()
                        .filter(|k| haystack.contains(k.as_str()))
                        .count(),
                    id,
                )
            })
            .filter(|(score, _)| *score > 0)
            .max_by_key(|(score, _)| *score);
        if let Some((_, id)) = best {
            return Some(id.clone());
        }
    }
    None
}

/// Words of an area label: its parts split at `・`/spaces, plus the first two chars of long
/// kanji compounds (量子情報通信 → 量子).
fn area_keywords(label: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in strip_markup(label).split(['・', ' ', '/', '／']) {
        let key = loose_key(part);
        if key.is_empty() {
            continue;
        }
        if key.chars().count() >= 4 && key.chars().all(|c| !c.is_ascii()) {
            words.push(key.chars().take(2).collect());
        }
        words.push(key);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, DocKind, DocumentInfo};
    use crate::extract::test_support::{has_edge, quotes_are_verbatim};
    use proptest::prelude::*;
    use std::path::Path;

    fn doc(text: &str) -> SeedDoc {
        let info = DocumentInfo {
            file: "test.txt".into(),
            title: "戦略領域の例".into(),
            publisher: "総務省情報流通行政局地域通信振興課".into(),
            date: "2030-01-01".into(),
            kind: DocKind::StrategyExcerpts,
        };
        SeedDoc::from_text(info, text)
    }

    const SAMPLE: &str = "戦略領域の例\n令和12年1月1日\n総務省情報流通行政局地域通信振興課\n\n\
「政府の重要政策」の具体例①\n\n■成長戦略2030(令和12年6月1日閣議決定)\n\n\
\t<p>1. 成長 (1)宇宙</p> <p>宇宙法に基づき、衛星を打ち上げる。</p>\n\
\t<p>1. 成長 (2)海洋</p> <p>「海洋基本計画」に基づき、海を守る。</p>\n\n\
「政府の重要政策」の具体例②\n\n■宇宙推進方針-宇宙2.0-(令和11年3月3日総務省)\n\n宇宙通信\n\n\
第1章 取組\n\n- ・ 衛星通信を推進する。\n\n\
■海洋計画骨子(案)(令和12年2月2日時点 内閣府海洋推進事務局)\n\n海洋通信\n\n- ・ 海底ケーブルを整備する。成長戦略2030の実現に向けて。\n";

    #[test]
    fn reads_strategies_decisions_and_agencies() {
        let d = doc(SAMPLE);
        let e = extract(&d);
        let strategy = e.nodes.iter().find(|n| n.name == "成長戦略2030");
        let prop = |k: &str| {
            strategy
                .and_then(|n| n.props.get(k))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        assert_eq!(prop("decided_on").as_deref(), Some("2030-06-01"));
        assert_eq!(prop("decided_by").as_deref(), Some("閣議決定"));
        assert!(has_edge(&e, "成長戦略2030", Rel::Responsible, "閣議"));
        assert!(has_edge(&e, "宇宙推進方針", Rel::Responsible, "総務省"));
        assert!(has_edge(
            &e,
            "海洋計画骨子(案)",
            Rel::Responsible,
            "海洋推進事務局"
        ));
        assert!(has_edge(&e, "海洋推進事務局", Rel::PartOf, "内閣府"));
        assert!(has_edge(
            &e,
            "地域通信振興課",
            Rel::PartOf,
            "情報流通行政局"
        ));
        assert!(has_edge(&e, "情報流通行政局", Rel::PartOf, "総務省"));
        let draft = e.nodes.iter().find(|n| n.name == "海洋計画骨子(案)");
        assert_eq!(
            draft
                .and_then(|n| n.props.get("status"))
                .and_then(Value::as_str),
            Some("draft")
        );
        let alias = e.nodes.iter().find(|n| n.name.starts_with("宇宙推進方針"));
        assert!(alias.is_some_and(|n| n.aliases.iter().any(|a| a == "宇宙2.0")));
        quotes_are_verbatim(&d, &e);
    }

    #[test]
    fn rows_take_areas_by_order_and_labels() {
        let d = doc(SAMPLE);
        let e = extract(&d);
        assert!(has_edge(&e, "成長戦略2030", Rel::Targets, "宇宙通信"));
        assert!(has_edge(&e, "成長戦略2030", Rel::Targets, "海洋通信"));
        assert!(has_edge(&e, "宇宙推進方針", Rel::Targets, "宇宙通信"));
        assert!(has_edge(&e, "海洋計画骨子", Rel::Targets, "海洋通信"));
        assert!(has_edge(&e, "成長戦略2030", Rel::BasedOn, "宇宙法"));
        assert!(has_edge(&e, "成長戦略2030", Rel::BasedOn, "海洋基本計画"));
        let chapter = e.edges.iter().find(|x| {
            x.rel == Rel::Targets
                && x.props.get("basis").and_then(Value::as_str) == Some("row order")
        });
        assert!(chapter.and_then(|x| x.props.get("chapter")).is_some());
    }

    #[test]
    fn real_seed_is_read() {
        let Ok(corpus) = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")) else {
            return;
        };
        for d in corpus
            .docs
            .iter()
            .filter(|d| d.info.kind == DocKind::StrategyExcerpts)
        {
            let e = extract(d);
            quotes_are_verbatim(d, &e);
            let strategies = e
                .nodes
                .iter()
                .filter(|n| n.node_type == NodeType::Strategy)
                .count();
            assert!(strategies >= 8);
            assert!(e.edges.iter().filter(|x| x.rel == Rel::Targets).count() >= 16);
            assert!(!e.nodes.iter().any(|n| n.node_type == NodeType::Budget));
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "(\\PC|\\t|\\n|■|(令和7年6月13日閣議決定)|<p>|</p>|「|」|- ・ ){0,200}") {
            let d = doc(&text);
            let e = extract(&d);
            quotes_are_verbatim(&d, &e);
        }
    }
}
