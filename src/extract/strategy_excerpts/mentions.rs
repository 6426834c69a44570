//! Entities named in excerpt text: bodies, quoted items and the strategies a strategy rests on.

use super::*;
use crate::extract::recognise::names::{alias_defined, quoted_name_type};
use crate::extract::recognise::plans::find_editioned_plans;
use crate::extract::recognise::programs::find_programs_named_by_word;

impl ExcerptReader<'_> {
    // ---------------------------------------------------------------- entities in text

    /// Bodies with their legal form and abbreviation (`独立行政法人情報処理推進機構(IPA)`).
    pub(super) fn read_legal_bodies(&mut self, line: usize) {
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

    pub(super) fn read_organisations(&mut self, line: usize) {
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
            if let Some(alias) = alias_defined(&text[body.end..]) {
                self.c.alias(id, alias);
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
    pub(super) fn read_named_items(&mut self, line: usize) {
        let raw = self.c.line(line);
        if raw.trim_start().starts_with('■') {
            return;
        }
        for caps in QUOTED.captures_iter(raw) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let name = clean_name(inner.as_str());
            let Some(node_type) = quoted_name_type(&name) else {
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
        for program in find_programs_named_by_word(&text) {
            let source = self.c.source(line, &program.name);
            self.c
                .node(NodeType::Program, &clean_name(&program.name), source);
        }
    }

    /// `…に基づき` / `を踏まえ` / `に掲げた` after a quoted name or a law, and mentions of other
    /// ■ strategies, make the block's strategy rest on them.
    pub(super) fn link_bases(&mut self, strategy: &str, line: usize) {
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
                let node_type = match quoted_name_type(name) {
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
    pub(super) fn link_mentioned_strategies(&mut self, strategy: &str, line: usize, text: &str) {
        let raw = self.c.line(line);
        for found in find_editioned_plans(text) {
            let mention = found.name.as_str();
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
                let source = self.c.source(line, &raw[found.start..found.end]);
                self.c.edge(strategy, Rel::BasedOn, &target, source);
            }
        }
    }
}
