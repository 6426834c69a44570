//! Graph building: headings, titles and budget items become nodes and edges.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn new(doc: &'a SeedDoc, lines: &'a [Line<'a>]) -> Builder<'a> {
        Builder {
            file: doc.file().to_string(),
            lines,
            c: Collector::new(doc),
            abbreviations: BTreeMap::new(),
            root: None,
        }
    }

    pub(super) fn source(&self, first: usize, last: usize, quote_line: usize) -> Source {
        let (first, last) = (first.min(last), first.max(last));
        Source {
            doc: self.file.as_str().into(),
            line_start: self.lines.get(first).map_or(0, |l| l.no),
            line_end: self.lines.get(last).map_or(0, |l| l.no),
            quote: self
                .lines
                .get(quote_line)
                .map_or(String::new(), |l| quote_of(l.raw))
                .into(),
        }
    }

    pub(super) fn source_quote(&self, line: usize, quote: &str) -> Source {
        let raw = self.lines.get(line).map_or("", |l| l.raw);
        let quote = if raw.contains(quote) {
            quote.chars().take(200).collect()
        } else {
            quote_of(raw)
        };
        Source {
            doc: self.file.as_str().into(),
            line_start: self.lines.get(line).map_or(0, |l| l.no),
            line_end: self.lines.get(line).map_or(0, |l| l.no),
            quote: quote.into(),
        }
    }

    /// Adds a node, or merges its sources and aliases into the node with the same id.
    pub(super) fn node(&mut self, draft: NodeDraft) -> String {
        self.c.node_draft(draft)
    }

    pub(super) fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        self.c.edge(from, rel, to, source);
    }

    pub(super) fn emit_headings(&mut self, layout: &Layout<'_>) {
        let names = layout.names;
        for (numeral, spellings) in &names.pillars {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Theme, name, self.source(line, line, line))
                .with_prop("numbering", roman_label(*numeral))
                .with_prop("role", "pillar");
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for (number, spellings) in &names.policies {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Policy, name, self.source(line, line, line))
                .with_prop("numbering", format!("{number}．"));
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for ((policy, number), spellings) in &names.subs {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Measure, name, self.source(line, line, line))
                .with_prop("numbering", format!("{policy}．（{number}）"));
            if let Some(policy_name) = names.policy(*policy) {
                draft = draft.with_prop("policy", policy_name);
            }
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for (index, kind) in layout.kinds.iter().enumerate() {
            let context = layout.contexts[index];
            match kind {
                LineKind::Policy(number, _) => {
                    let (Some(policy), Some(pillar)) = (
                        names.policy(*number),
                        context.pillar.and_then(|p| names.pillar(p)),
                    ) else {
                        continue;
                    };
                    let from = node_id(NodeType::Policy, policy);
                    let to = node_id(NodeType::Theme, pillar);
                    let source = self.source(index, index, index);
                    self.edge(&from, Rel::PartOf, &to, source);
                }
                LineKind::SubItems(items) => {
                    let Some(policy_number) = context.policy else {
                        continue;
                    };
                    let Some(policy) = names.policy(policy_number) else {
                        continue;
                    };
                    for (number, _) in items {
                        let Some(sub) = names.sub((policy_number, *number)) else {
                            continue;
                        };
                        let from = node_id(NodeType::Measure, sub);
                        let to = node_id(NodeType::Policy, policy);
                        let source = self.source(index, index, index);
                        self.edge(&from, Rel::PartOf, &to, source);
                    }
                }
                _ => {}
            }
        }
    }

    /// The node id and name of the deepest heading of a context.
    pub(super) fn context_node(
        names: &HeadingNames,
        context: &Context,
    ) -> Option<(String, String)> {
        if let Some(name) = context.sub.and_then(|s| names.sub(s)) {
            return Some((node_id(NodeType::Measure, name), name.to_string()));
        }
        if let Some(name) = context.policy.and_then(|p| names.policy(p)) {
            return Some((node_id(NodeType::Policy, name), name.to_string()));
        }
        None
    }

    pub(super) fn place_titles(&mut self, layout: &Layout<'_>) -> Vec<PlacedTitle> {
        let names = layout.names;
        let mut placed = Vec::new();
        for title in layout.titles {
            let (mut context, header_run) = layout.context_for(title.line);
            let source = self.source(title.line, title.last_line, title.line);
            if let Some(sub) = names.sub_named(&title.name, context.policy) {
                let relisted_under = (context.policy != Some(sub.0))
                    .then(|| Self::context_node(names, &context))
                    .flatten();
                if let (Some((parent, _)), Some(name)) = (relisted_under, names.sub(sub)) {
                    let id = node_id(NodeType::Measure, name);
                    self.edge(&id, Rel::PartOf, &parent, source.clone());
                }
                context.sub = Some(sub);
                context.policy = Some(sub.0);
                let Some(name) = names.sub(sub) else { continue };
                let id = node_id(NodeType::Measure, name);
                placed.push(PlacedTitle {
                    line: title.line,
                    id,
                    name: name.to_string(),
                    context,
                    header_run,
                });
                continue;
            }
            let draft = NodeDraft::new(NodeType::Measure, &title.name, source.clone())
                .with_prop("role", "slide_title");
            let id = self.node(draft);
            if let Some((parent, _)) = Self::context_node(names, &context) {
                self.edge(&id, Rel::PartOf, &parent, source);
            }
            placed.push(PlacedTitle {
                line: title.line,
                id,
                name: title.name.clone(),
                context,
                header_run,
            });
        }
        placed
    }

    pub(super) fn emit_titles_and_budgets(
        &mut self,
        layout: &Layout<'_>,
        request_year: FiscalYear,
    ) {
        let placed = self.place_titles(layout);
        for block in layout.blocks {
            let target = self.budget_target(layout, &placed, block);
            for item in &block.items {
                self.emit_item(layout, block, item, target.as_ref(), request_year);
            }
        }
    }

    /// The measure a budget block pays for: the title it belongs to, or the heading.
    pub(super) fn budget_target(
        &self,
        layout: &Layout<'_>,
        placed: &[PlacedTitle],
        block: &BudgetBlock,
    ) -> Option<(String, String, Context)> {
        let segment = layout.segments.get(block.marker_line).copied();
        let next_stop = (block.end_line + 1..layout.kinds.len())
            .find(|&i| {
                layout.kinds[i].is_heading()
                    || layout.segments.get(i).copied() != segment
                    || layout.blocks.iter().any(|b| b.marker_line == i)
            })
            .unwrap_or(layout.kinds.len());
        let next_title = placed
            .iter()
            .find(|t| t.line > block.end_line && t.line < next_stop);
        if let Some(title) = next_title {
            let title_key = match_key(&title.name);
            let names_it = block.items.iter().any(|i| match_key(&i.name) == title_key);
            if block.indented || names_it {
                return Some((title.id.clone(), title.name.clone(), title.context));
            }
        }
        let previous = placed
            .iter()
            .rev()
            .find(|t| t.line < block.marker_line)
            .filter(|t| layout.segments.get(t.line).copied() == segment)
            .filter(|t| {
                let run = t.header_run;
                !(t.line + 1..block.marker_line).any(|i| {
                    layout.kinds[i].is_heading()
                        && !run.is_some_and(|(start, end)| i >= start && i <= end)
                })
            });
        if let Some(title) = previous.or(next_title) {
            return Some((title.id.clone(), title.name.clone(), title.context));
        }
        let (context, _) = layout.context_for(block.marker_line);
        Self::context_node(layout.names, &context).map(|(id, name)| (id, name, context))
    }

    pub(super) fn emit_item(
        &mut self,
        layout: &Layout<'_>,
        block: &BudgetBlock,
        item: &BudgetItem,
        target: Option<&(String, String, Context)>,
        request_year: FiscalYear,
    ) {
        let key = match_key(&item.name);
        let item_source = self.source(item.first_line, item.first_line, item.first_line);
        let sub_name = target.and_then(|(_, _, c)| c.sub.and_then(|s| layout.names.sub(s)));
        let same_as_target = target.is_some_and(|(_, name, _)| match_key(name) == key)
            || sub_name.is_some_and(|n| match_key(n) == key);
        let owner = if same_as_target {
            match target {
                Some((id, name, _)) if match_key(name) == key => id.clone(),
                _ => sub_name.map_or_else(String::new, |n| node_id(NodeType::Measure, n)),
            }
        } else {
            let node_type = if item.name.contains("基金") {
                NodeType::Fund
            } else {
                NodeType::Program
            };
            let draft = NodeDraft::new(node_type, &item.name, item_source.clone())
                .with_prop("role", "budget_item");
            let id = self.node(draft);
            if let Some((target_id, _, _)) = target {
                let inclusive = item.figures.iter().any(|f| f.inclusive);
                self.edge(target_id, Rel::FundedBy, &id, item_source.clone());
                if inclusive {
                    self.mark_inclusive(target_id, &id);
                }
            }
            id
        };
        if block.kind_hint == Some(BudgetKind::FiscalInvestment) {
            let fund = NodeDraft {
                aliases: vec!["財投".into(), "財投等".into()],
                ..NodeDraft::new(
                    NodeType::Fund,
                    "財政投融資",
                    self.source(block.marker_line, block.marker_line, block.marker_line),
                )
            };
            let fund_id = self.node(fund);
            self.edge(&owner, Rel::FundedBy, &fund_id, item_source.clone());
        }
        let share_for = target.map(|(_, name, _)| name.clone());
        for (figure, raw) in resolve_figures(item, block.kind_hint, request_year) {
            self.emit_budget(item, &owner, &figure, raw.as_ref(), share_for.as_deref());
        }
        for (line, note) in &item.notes {
            self.emit_note_agencies(&owner, *line, note);
        }
    }

    pub(super) fn mark_inclusive(&mut self, from: &str, to: &str) {
        self.c
            .edge_prop(from, Rel::FundedBy, to, "inclusive", Value::Bool(true));
    }

    pub(super) fn emit_budget(
        &mut self,
        item: &BudgetItem,
        owner: &str,
        figure: &BudgetFigure,
        raw: Option<&RawFigure>,
        share_for: Option<&str>,
    ) {
        let mut item_name = item.name.clone();
        if let Some(RawFigure {
            slot: Slot::Within { label, .. },
            ..
        }) = raw
        {
            item_name = format!("{}（うち{}）", item.name, label);
        }
        let component = raw.and_then(|r| r.component.clone());
        let id_name = match &component {
            Some(c) => format!("{item_name}（{c}）"),
            None => item_name.clone(),
        };
        let amount_line = raw.map_or(item.first_line, |r| r.line);
        let amount_text = figure
            .amount_oku
            .map_or_else(|| "事項要求".to_string(), |a| format!("{a}億円"));
        let display = format!(
            "{} {} {} {}",
            id_name,
            figure.fiscal_year.label(),
            figure.kind.as_str(),
            amount_text
        );
        let mut key = figure.id_key(&id_name);
        if figure.inclusive {
            key.push_str(":inclusive");
        }
        if figure.flags.contains(&BudgetFlag::Relisted) {
            key.push_str(":relisted");
        }
        let mut draft = NodeDraft {
            id: node_id(NodeType::Budget, &key),
            node_type: NodeType::Budget,
            name: display,
            aliases: Vec::new(),
            props: figure.to_props(),
            sources: vec![self.source(item.first_line, amount_line, amount_line)],
        };
        draft
            .props
            .insert("item".into(), Value::String(item_name.clone()));
        if let Some(component) = component {
            draft
                .props
                .insert("component".into(), Value::String(component));
        }
        if figure.inclusive {
            draft
                .props
                .insert("inclusive_of".into(), Value::String(item.name.clone()));
            if let Some(share) = share_for {
                draft
                    .props
                    .insert("share_for".into(), Value::String(share.to_string()));
            }
        }
        if !item.notes.is_empty() {
            let notes: Vec<Value> = item
                .notes
                .iter()
                .map(|(_, n)| Value::String(n.clone()))
                .collect();
            draft.props.insert("notes".into(), Value::Array(notes));
        }
        let source = draft.sources.first().cloned();
        let id = self.node(draft);
        if let Some(source) = source {
            self.edge(owner, Rel::HasBudget, &id, source);
        }
    }
}
