//! ■ blocks: the strategy lines with their decision notes, and the lines each block holds.

use super::*;

impl ExcerptReader<'_> {
    // ---------------------------------------------------------------- blocks

    pub(super) fn read_blocks(&mut self) -> Vec<Block> {
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
    pub(super) fn read_strategy_line(&mut self, line: usize, rest: &str) -> String {
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

    pub(super) fn strategy(&mut self, name: &str, source: Source) -> String {
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

    pub(super) fn read_decision(&mut self, id: &str, line: usize, note: &str) {
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
}
