//! Agencies and bodies named on the slides and the roles the text gives them.

use super::*;
use crate::extract::mentions::{self, Owner};
use crate::extract::recognise::bodies::{
    BodyMatch, body_chain, broken_at_line_end, find_abbreviated_bodies, find_bodies,
    find_legal_bodies, is_council_name, is_ministry_name,
};

/// Legal forms a body's name may start with (a line ending in one continues below).
pub(super) const LEGAL_FORMS: [&str; 7] = [
    "国立研究開発法人",
    "独立行政法人",
    "株式会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
];

/// An agency mention on a line.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) id: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Builder<'_> {
    pub(super) fn emit_agencies(&mut self, layout: &Layout<'_>) {
        let root = self.root.clone();
        let root_line = root.as_ref().and_then(|name| {
            self.lines
                .iter()
                .position(|l| l.raw.contains(name.as_str()))
        });
        if let (Some(name), Some(line)) = (&root, root_line) {
            let draft = NodeDraft::new(NodeType::Agency, name, self.source_quote(line, name))
                .with_prop("role", "publisher");
            self.node(draft);
        }
        let placed = self.placed_for_relations(layout);
        let texts: Vec<String> = (0..self.lines.len()).map(|i| self.joined_text(i)).collect();
        let mut all_mentions = Vec::with_capacity(texts.len());
        for (index, text) in texts.iter().enumerate() {
            let mentions = self.agency_mentions(index, text);
            all_mentions.push(mentions);
        }
        for (index, text) in texts.iter().enumerate() {
            let mut mentions: Vec<Mention> = all_mentions[index].clone();
            for (abbr, id) in &self.abbreviations {
                for (start, _) in text.match_indices(abbr.as_str()) {
                    let end = start + abbr.len();
                    let bounded = !text[..start]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        && !text[end..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric());
                    let inside = mentions.iter().any(|m| m.start <= start && start < m.end);
                    if bounded && !inside {
                        mentions.push(Mention {
                            id: id.clone(),
                            start,
                            end,
                        });
                    }
                }
            }
            if mentions.is_empty() {
                continue;
            }
            mentions.sort_by_key(|m| m.start);
            let measure = measure_at(layout, &placed, index);
            self.agency_relations(index, text, &mentions, measure.as_deref());
        }
    }

    pub(super) fn placed_for_relations(&self, layout: &Layout<'_>) -> Vec<PlacedTitle> {
        layout
            .titles
            .iter()
            .map(|title| {
                let (mut context, header_run) = layout.context_for(title.line);
                let (id, name) = match layout.names.sub_named(&title.name, context.policy) {
                    Some(sub) => {
                        context.sub = Some(sub);
                        let name = layout.names.sub(sub).unwrap_or(&title.name).to_string();
                        (node_id(NodeType::Measure, &name), name)
                    }
                    None => (node_id(NodeType::Measure, &title.name), title.name.clone()),
                };
                PlacedTitle {
                    line: title.line,
                    id,
                    name,
                    context,
                    header_run,
                }
            })
            .collect()
    }

    /// The line's text, joined with the next line when a body's legal form ends it.
    pub(super) fn joined_text(&self, index: usize) -> String {
        let text = self.lines[index].text.clone();
        if LEGAL_FORMS.iter().any(|f| text.ends_with(f))
            && let Some(next) = next_content(self.lines, index + 1).filter(|&n| n <= index + 2)
        {
            return format!("{text}{}", self.lines[next].text);
        }
        text
    }

    /// Agencies named on a line, with the abbreviation each one defines; a chain of names
    /// (`総務省自治行政局`) gives each unit, part of the one before it.
    pub(super) fn agency_mentions(&mut self, index: usize, text: &str) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        let overlaps = |found: &Vec<Mention>, s: usize, e: usize| {
            found.iter().any(|m| s < m.end && m.start < e)
        };
        for body in find_legal_bodies(text) {
            let quote = &text[body.start..body.end];
            let mut aliases = vec![body.short.clone()];
            aliases.extend(body.abbreviation.clone());
            let id = self.agency(index, &body.name, aliases, quote);
            self.remember(&id, &body.short, body.abbreviation.as_deref());
            found.push(Mention {
                id,
                start: body.start,
                end: body.end,
            });
        }
        for body in find_abbreviated_bodies(text) {
            if overlaps(&found, body.start, body.end) {
                continue;
            }
            let known = self
                .abbreviations
                .get(&body.abbreviation)
                .or_else(|| self.abbreviations.get(&body.name))
                .cloned();
            let id = match known {
                Some(id) => id,
                None => {
                    let quote = &text[body.start..body.end];
                    let alias = vec![body.abbreviation.clone()];
                    self.agency(index, &body.name, alias, quote)
                }
            };
            self.remember(&id, &body.name, Some(&body.abbreviation));
            found.push(Mention {
                id,
                start: body.start,
                end: body.end,
            });
        }
        let next_line = self.lines.get(index + 1).map_or("", |l| l.text.as_str());
        let bodies: Vec<BodyMatch> = find_bodies(text)
            .into_iter()
            .filter(|b| !overlaps(&found, b.start, b.end))
            .filter(|b| !broken_at_line_end(b, text, next_line))
            .collect();
        let chain = body_chain(text, &bodies);
        let ids: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                // A unit written after its ministry is named with it: bureaus of two
                // ministries may share a name.
                let ministry = chain
                    .iter()
                    .find(|(child, _)| *child == i)
                    .map(|(_, parent)| &bodies[*parent])
                    .filter(|parent| is_ministry_name(&parent.name) && !is_ministry_name(&b.name));
                match ministry {
                    Some(parent) => {
                        let quote = &text[parent.start..b.end];
                        let full = format!("{}{}", parent.name, b.name);
                        self.agency(index, &full, vec![b.name.clone()], quote)
                    }
                    None => self.agency(index, &b.name, Vec::new(), &text[b.start..b.end]),
                }
            })
            .collect();
        for (child, parent) in chain {
            let quote = &text[bodies[parent].start..bodies[child].end];
            let source = self.source_quote(index, quote);
            self.edge(&ids[child], Rel::PartOf, &ids[parent], source);
        }
        found.extend(bodies.iter().zip(ids).map(|(b, id)| Mention {
            id,
            start: b.start,
            end: b.end,
        }));
        found.sort_by_key(|m| m.start);
        found
    }

    pub(super) fn remember(&mut self, id: &str, name: &str, abbr: Option<&str>) {
        for key in [Some(name), abbr].into_iter().flatten() {
            self.abbreviations
                .entry(key.to_string())
                .or_insert_with(|| id.to_string());
        }
    }

    pub(super) fn agency(
        &mut self,
        index: usize,
        name: &str,
        aliases: Vec<String>,
        quote: &str,
    ) -> String {
        let source = self.source_quote(index, quote);
        let mut draft = NodeDraft::new(NodeType::Agency, name, source);
        draft.aliases = aliases.into_iter().filter(|a| a != name).collect();
        self.node(draft)
    }

    /// Relations the line states between the slide's measure and the agencies it names.
    pub(super) fn agency_relations(
        &mut self,
        index: usize,
        text: &str,
        mentions: &[Mention],
        measure: Option<&str>,
    ) {
        if text.contains("共同設置") {
            let councils: Vec<&Mention> = mentions
                .iter()
                .filter(|m| is_council_name(&text[m.start..m.end]))
                .collect();
            for council in &councils {
                for other in mentions {
                    if other.id != council.id && !councils.iter().any(|c| c.id == other.id) {
                        let source = self.source(index, index, index);
                        self.edge(&council.id, Rel::CollaboratesWith, &other.id, source);
                    }
                }
            }
        }
        let Some(measure) = measure else { return };
        for mention in mentions {
            let after: String = text[mention.end..].chars().take(16).collect();
            let after = after.trim_start_matches(['）', ')', '」']);
            let rel = if after.starts_with("が拠点")
                || after.starts_with("の下")
                || after.starts_with("が中心")
                || after.starts_with("において運用")
                || after.starts_with("が主体")
            {
                Some(Rel::Responsible)
            } else if after.contains("と連携")
                || after.contains("との連携")
                || after.starts_with("と協力")
                || after.starts_with("と共同")
            {
                Some(Rel::CollaboratesWith)
            } else {
                None
            };
            if let Some(rel) = rel {
                let source = self.source(index, index, index);
                self.edge(measure, rel, &mention.id, source);
            }
        }
    }

    /// Running text (bullet paragraphs, wrapped lines joined) read by the shared mention
    /// reader: the plans, laws, bodies and programs it names, linked to the slide's measure.
    pub(super) fn read_running_text(&mut self, layout: &Layout<'_>, consumed: &[bool]) {
        let placed = self.placed_for_relations(layout);
        let lines = self.lines;
        let running = |i: usize| {
            let body = matches!(layout.kinds.get(i), Some(LineKind::Other))
                && !consumed.get(i).copied().unwrap_or(true);
            body.then(|| lines[i].text.as_str())
        };
        for paragraph in mentions::paragraphs(0..lines.len(), running) {
            let Some(measure) = measure_at(layout, &placed, paragraph.lines.first - 1) else {
                continue;
            };
            let name = self.c.node_name(&measure).unwrap_or_default().to_string();
            let owner = Owner {
                id: &measure,
                name: &name,
                plan_default: Rel::Mentions,
            };
            mentions::read(&mut self.c, paragraph.lines, &paragraph.text, Some(owner));
        }
    }

    /// Agencies named in a budget note (`※…一括計上予算`, `※…で予算計上後…`).
    pub(super) fn emit_note_agencies(&mut self, owner: &str, line: usize, note: &str) {
        for found in find_bodies(note) {
            let name = found.name.as_str();
            if self.root.as_deref() == Some(name) {
                continue;
            }
            let id = self.agency(line, name, Vec::new(), name);
            let mut source = self.source(line, line, line);
            if !self
                .lines
                .get(line)
                .is_some_and(|l| l.raw.contains(source.quote.as_str()))
            {
                source.quote = name.into();
            }
            self.edge(owner, Rel::CollaboratesWith, &id, source);
        }
    }

    /// Amounts written outside every `【予算】` block, and figures that could not be read.
    pub(super) fn emit_unparsed_amounts(
        &mut self,
        layout: &Layout<'_>,
        consumed: &[bool],
        request_year: FiscalYear,
    ) {
        let blocks = layout.blocks;
        for (index, line) in self.lines.iter().enumerate() {
            if consumed.get(index).copied().unwrap_or(false) {
                continue;
            }
            let events = scan_events(&line.text);
            let has_amount = events.iter().any(|e| matches!(e, Event::Amount { .. }));
            if has_amount && self.standalone_bracket(layout, index, &events, request_year) {
                continue;
            }
            if has_amount {
                let source = self.source(index, index, index);
                self.c.unparsed(source);
            }
        }
        for block in blocks {
            let unreadable = block.items.is_empty()
                || block
                    .items
                    .iter()
                    .flat_map(|i| &i.figures)
                    .any(|f| f.amount.is_none() && !f.item_request);
            if unreadable {
                let source = self.source(block.marker_line, block.end_line, block.marker_line);
                self.c.unparsed(source);
            }
        }
    }
}

impl Builder<'_> {
    /// A bracket standing alone in a slide body, `（令和6年度補正予算：27億円の内数）`: a
    /// figure of the slide's measure. Returns whether the line was read.
    pub(super) fn standalone_bracket(
        &mut self,
        layout: &Layout<'_>,
        index: usize,
        events: &[Event],
        request_year: FiscalYear,
    ) -> bool {
        let text = self.lines[index].text.as_str();
        let bracketed = text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
        if !bracketed || !matches!(events.first(), Some(Event::Year { .. })) {
            return false;
        }
        let placed = self.placed_for_relations(layout);
        let Some(measure) = measure_at(layout, &placed, index) else {
            return false;
        };
        let Some(name) = self.c.node_name(&measure).map(str::to_string) else {
            return false;
        };
        let mut item = BudgetItem {
            name,
            first_line: index,
            last_line: index,
            ..BudgetItem::default()
        };
        add_events(&mut item, index, text, events, false);
        for (figure, raw) in resolve_figures(&item, None, request_year) {
            self.emit_budget(&item, &measure, &figure, raw.as_ref(), None);
        }
        true
    }
}

/// Whether a 省/庁 match names a government body rather than a word like 省エネ or 各府省.
/// The measure a body line belongs to: the slide title above it, or its heading.
pub(super) fn measure_at(
    layout: &Layout<'_>,
    placed: &[PlacedTitle],
    line: usize,
) -> Option<String> {
    let segment = layout.segments.get(line).copied();
    let title = placed
        .iter()
        .rev()
        .find(|t| t.line <= line)
        .filter(|t| layout.segments.get(t.line).copied() == segment);
    if let Some(title) = title {
        return Some(title.id.clone());
    }
    let (context, _) = layout.context_for(line);
    Builder::context_node(layout.names, &context).map(|(id, _)| id)
}
