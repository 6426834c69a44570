//! The overview before the tables: pillars, focus areas and their targets.

use super::*;
use crate::extract::indicators::FoundIndicator;
use crate::extract::recognise::targets::IndicatorValues;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- overview

    pub(super) fn first_table_line(&self) -> usize {
        (1..=self.line_count())
            .find(|&n| {
                let raw = self.c.line(n).trim();
                PART_HEADER.is_match(raw) || self.c.line(n).contains('\t')
            })
            .unwrap_or(self.line_count() + 1)
    }

    pub(super) fn read_overview(&mut self, end: usize) {
        let lines: Vec<(usize, String)> = (1..end)
            .filter(|&n| !self.c.line(n).trim().is_empty())
            .map(|n| (n, self.c.line(n).trim().to_string()))
            .collect();
        let mut current: Option<String> = self.umbrella.clone();
        let mut pillar: Option<String> = None;
        let mut focus_kind: Option<String> = None;
        let mut index = 0;
        while index < lines.len() {
            let (line, text) = (lines[index].0, lines[index].1.clone());
            if is_bullet(&text) {
                if let Some(id) = self.adopted_strategy(line, &text) {
                    current = Some(id);
                    pillar = None;
                }
                index += 1;
                continue;
            }
            if let Some(known) = self.find_strategy(&text) {
                let source = self.c.source(line, &text);
                current = Some(self.strategy(&known.name, source));
                pillar = None;
                index += 1;
                continue;
            }
            if let Some(id) = self.switch_by_type_word(current.as_deref(), &text) {
                current = Some(id);
                pillar = None;
            }
            if let Some(next) = focus_block(&lines, index) {
                self.read_focus(
                    &lines[index..next],
                    current.as_deref(),
                    pillar.as_deref(),
                    focus_kind.as_deref(),
                );
                index = next;
                continue;
            }
            if let Some((label, goal)) = label_line(&text) {
                self.read_label_focus(
                    line,
                    &text,
                    label,
                    goal,
                    current.as_deref(),
                    pillar.as_deref(),
                );
                index += 1;
                continue;
            }
            let next_is_focus = focus_block(&lines, index + 1).is_some()
                || lines
                    .get(index + 1)
                    .is_some_and(|(_, t)| label_line(t).is_some());
            if next_is_focus && let Some(strategy) = current.clone() {
                if text.contains("重点分野") {
                    focus_kind = Some("重点分野".to_string());
                } else {
                    pillar = Some(self.read_pillar(line, &text, &strategy));
                }
            }
            index += 1;
        }
    }

    /// `「**X計画 2030**」を策定` makes X the plan the following slides describe.
    pub(super) fn adopted_strategy(&mut self, line: usize, text: &str) -> Option<String> {
        let caps = QUOTED.captures_iter(text).find(|c| {
            c.get(0).is_some_and(|m| {
                text[m.end()..].starts_with("を策定") || text[m.end()..].starts_with("を決定")
            })
        })?;
        let inner = caps.get(1)?.as_str();
        let known = self.find_strategy(&clean_name(inner))?;
        let source = self.c.source(line, caps.get(0)?.as_str());
        Some(self.strategy(&known.name, source))
    }

    /// A heading about a 戦略 while a 計画 is current moves to the one component that is a 戦略.
    pub(super) fn switch_by_type_word(&self, current: Option<&str>, text: &str) -> Option<String> {
        let current = current?;
        let current_name = self.c.node_name(current)?;
        for word in ["戦略", "計画"] {
            if !text.contains(word) || current_name.contains(word) {
                continue;
            }
            let candidates: Vec<&String> = self
                .components
                .iter()
                .filter(|id| {
                    *id != current && self.c.node_name(id).is_some_and(|n| n.contains(word))
                })
                .collect();
            if let [only] = candidates.as_slice() {
                return Some((*only).clone());
            }
        }
        None
    }

    pub(super) fn read_pillar(&mut self, line: usize, text: &str, strategy: &str) -> String {
        let name = clean_name(text);
        let source = self.c.source(line, text);
        let id = self.c.node(NodeType::Theme, &name, source.clone());
        self.c.prop(&id, "role", "pillar");
        self.c.edge(strategy, Rel::Targets, &id, source);
        let list = self.pillars.entry(strategy.to_string()).or_default();
        if !list.contains(&id) {
            list.push(id.clone());
        }
        id
    }

    pub(super) fn read_label_focus(
        &mut self,
        line: usize,
        text: &str,
        label: &str,
        goal: &str,
        strategy: Option<&str>,
        pillar: Option<&str>,
    ) {
        let name = clean_name(label);
        let source = self.c.source(line, label);
        let id = self.c.node(NodeType::Theme, &name, source.clone());
        self.c.prop(&id, "goal", clean_name(goal));
        if let Some(pillar) = pillar {
            self.c
                .edge(&id, Rel::PartOf, pillar, self.c.source(line, text));
        }
        if let Some(strategy) = strategy {
            self.c.edge(strategy, Rel::Targets, &id, source);
        }
    }

    /// A focus area: heading, `- goal` lines with `[target]`s, 具体的な取組, `- item` lines.
    pub(super) fn read_focus(
        &mut self,
        block: &[(usize, String)],
        strategy: Option<&str>,
        pillar: Option<&str>,
        kind: Option<&str>,
    ) {
        let Some((head_line, head)) = block.first() else {
            return;
        };
        let name = clean_name(head);
        let source = self.c.source(*head_line, head);
        let theme = self.c.node(NodeType::Theme, &name, source.clone());
        if let Some(kind) = kind {
            self.c.prop(&theme, "kind", kind);
        }
        if let Some(strategy) = strategy {
            self.c.edge(strategy, Rel::Targets, &theme, source.clone());
            if let Some(name) = self.c.node_name(strategy).map(str::to_string) {
                self.c.prop(&theme, "strategy", name);
            }
        }
        if let Some(pillar) = pillar {
            self.c.edge(&theme, Rel::PartOf, pillar, source);
        }
        let mut goals = Vec::new();
        let mut in_items = false;
        for (line, text) in &block[1..] {
            if text == "具体的な取組" {
                in_items = true;
                continue;
            }
            if in_items {
                self.read_focus_item(*line, text, &theme, strategy);
                continue;
            }
            for caps in TARGET.captures_iter(text) {
                if let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) {
                    self.read_target(
                        *line,
                        whole.as_str(),
                        inner.as_str(),
                        &name,
                        &theme,
                        strategy,
                    );
                }
            }
            let goal = clean_name(&TARGET.replace_all(text, ""));
            if !goal.is_empty() {
                goals.push(goal);
            }
        }
        if !goals.is_empty() {
            self.c.prop(&theme, "goal", goals.join(" / "));
        }
    }

    pub(super) fn read_target(
        &mut self,
        line: usize,
        quote: &str,
        target: &str,
        theme_name: &str,
        theme: &str,
        strategy: Option<&str>,
    ) {
        let target = clean_name(target);
        let (year, rest) = match TARGET_YEAR.captures(&target) {
            Some(caps) => {
                let whole = caps.get(0).map(|m| m.end()).unwrap_or(0);
                (
                    caps.get(1).map(|m| m.as_str().to_string()),
                    target[whole..].to_string(),
                )
            }
            None => (None, target.clone()),
        };
        let name = format!("{theme_name} {rest}");
        let source = self.c.source(line, quote);
        let values = IndicatorValues {
            target: Some(target.clone()),
            target_year: year.as_deref().and_then(|y| y.parse().ok()),
            ..IndicatorValues::default()
        };
        let mut draft = NodeDraft::new(NodeType::Indicator, &name, source.clone())
            .with_prop("theme", theme_name);
        draft
            .props
            .extend(FoundIndicator::new(&values, year.as_deref(), &[], None).into_props());
        if let Some(value) = TARGET_VALUE.find(&rest) {
            draft = draft.with_prop("target_value", value.as_str());
        }
        let id = self.c.node_draft(draft);
        self.c.alias(&id, &rest);
        self.c.edge(theme, Rel::EvaluatedBy, &id, source.clone());
        if let Some(strategy) = strategy {
            self.c.edge(strategy, Rel::Targets, &id, source);
        }
    }

    pub(super) fn read_focus_item(
        &mut self,
        line: usize,
        text: &str,
        theme: &str,
        strategy: Option<&str>,
    ) {
        let name = clean_name(text);
        if name.is_empty() {
            return;
        }
        let quote = trim_markers(text);
        let source = self.c.source(line, quote);
        let id = self.c.node(NodeType::Measure, &name, source.clone());
        self.c.edge(&id, Rel::PartOf, theme, source.clone());
        if let Some(strategy) = strategy {
            self.c.edge(&id, Rel::Implements, strategy, source);
        }
        let raw = self.c.line(line);
        self.link_row_agencies(&id, line, raw);
    }
}
