//! The plans a progress report follows: quoted names, part headers, the title's plan, decisions.

use super::*;
use crate::extract::recognise::names::quoted_name_type;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- strategies

    /// The strategy registered under the loose form of `name`, created if new.
    pub(super) fn strategy(&mut self, name: &str, source: Source) -> String {
        let key = loose_key(name);
        if let Some(known) = self.strategies.iter().find(|s| s.key == key).cloned() {
            self.c
                .node_draft(NodeDraft::new(NodeType::Strategy, &known.name, source));
            if known.name != name {
                self.c.alias(&known.id, name);
            }
            return known.id;
        }
        let id = self.c.node(NodeType::Strategy, name, source);
        self.strategies.push(KnownStrategy {
            id: id.clone(),
            key,
            name: name.to_string(),
        });
        id
    }

    pub(super) fn find_strategy(&self, name: &str) -> Option<KnownStrategy> {
        let key = loose_key(name);
        if key.is_empty() {
            return None;
        }
        self.strategies.iter().find(|s| s.key == key).cloned()
    }

    pub(super) fn read_publisher(&mut self) {
        let publisher = self.c.doc.info.publisher.trim().to_string();
        if publisher.is_empty() {
            return;
        }
        let found = (1..=self.line_count().min(30)).find(|&n| self.c.line(n).trim() == publisher);
        let Some(line) = found else { return };
        let raw = self.c.line(line);
        let bodies = find_bodies(raw);
        let ids: Vec<String> = bodies
            .iter()
            .map(|b| {
                let source = self.c.source(line, &b.name);
                self.c.node(NodeType::Agency, &b.name, source)
            })
            .collect();
        for (child, parent) in body_chain(raw, &bodies) {
            let source = self.c.source(line, raw.trim());
            self.c.edge(&ids[child], Rel::PartOf, &ids[parent], source);
        }
        if let Some(last) = ids.last() {
            self.c.prop(last, "role", "publisher");
        }
    }

    /// Quoted names (「…計画2030」, 「…法」, 「…検討会」) with the dates written after them.
    pub(super) fn read_quoted_names(&mut self) {
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            for caps in QUOTED.captures_iter(raw) {
                let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let name = clean_name(inner.as_str());
                let source = self.c.source(line, whole.as_str());
                let after = &raw[whole.end()..];
                match quoted_name_type(&name) {
                    Some(NodeType::Strategy) => {
                        let id = self.strategy(&name, source);
                        self.read_decision(&id, line, after);
                    }
                    Some(node_type) => {
                        self.c.node(node_type, &name, source);
                    }
                    None => {}
                }
            }
            for (name, start, end) in named_government_strategies(raw) {
                let source = self.c.source(line, &raw[start..end]);
                self.strategy(&name, source);
            }
        }
    }

    /// `（令和7年5月23日公表）` right after a strategy's name.
    pub(super) fn read_decision(&mut self, id: &str, line: usize, after: &str) {
        let Some(note) = leading_paren(after) else {
            return;
        };
        let Some(decision) = parse_decision(note) else {
            return;
        };
        let quote = format!("（{note}）");
        let source_quote = if after.starts_with(&quote) {
            quote
        } else {
            format!("({note})")
        };
        self.c.prop(id, "decided_on", decision.date.clone());
        if !decision.verb.is_empty() {
            self.c.prop(id, "decision", decision.verb.clone());
        }
        if decision.verb == "公表" {
            self.c.prop(id, "published", decision.date.clone());
        }
        if let Some(by) = decision.by {
            self.c.prop(id, "decided_by", by.clone());
            let source = self.c.source(line, &source_quote);
            let agency = self
                .c
                .node(NodeType::Agency, &decider_agency(&by), source.clone());
            self.c.edge(id, Rel::Responsible, &agency, source);
        }
    }

    pub(super) fn read_part_headers(&mut self) {
        for line in 1..=self.line_count() {
            let raw = self.c.line(line).trim();
            let Some(caps) = PART_HEADER.captures(raw) else {
                continue;
            };
            let Some(name) = caps.get(1) else { continue };
            let name = clean_name(name.as_str());
            if name.is_empty() {
                continue;
            }
            let source = self.c.source(line, raw);
            let id = self.strategy(&name, source);
            if !self.components.contains(&id) {
                self.components.push(id);
            }
        }
    }

    /// The plan the whole report is about, from its title line.
    pub(super) fn read_title_plan(&mut self) {
        let limit = self.line_count().min(15);
        let Some(line) = (1..=limit).find(|&n| TITLE_PLAN.is_match(self.c.line(n).trim())) else {
            return;
        };
        let raw = self.c.line(line).trim();
        let Some(name) = TITLE_PLAN.captures(raw).and_then(|c| c.get(1)) else {
            return;
        };
        let name = clean_name(name.as_str());
        let source = self.c.source(line, raw);
        let id = self.strategy(&name, source);
        if self.c.doc.info.publisher.trim().is_empty() {
            self.umbrella = Some(id);
            return;
        }
        if self.c.has_node(&id) {
            let publisher = self.c.doc.info.publisher.trim().to_string();
            self.c.prop(&id, "publisher", publisher);
        }
        self.umbrella = Some(id.clone());
        self.link_components(&id);
    }

    /// Component plans are part of the plan the report is about.
    pub(super) fn link_components(&mut self, umbrella: &str) {
        let components: Vec<String> = self
            .components
            .iter()
            .filter(|c| *c != umbrella)
            .cloned()
            .collect();
        for component in components {
            let Some(name) = self.c.node_name(&component).map(str::to_string) else {
                continue;
            };
            let source = self.first_mention(&name);
            self.c.edge(&component, Rel::PartOf, umbrella, source);
            if let Some(by) = self.decided_by_publisher(umbrella) {
                self.c.prop(umbrella, "decided_by", by);
            }
        }
    }

    /// A plan published (公表) without a named decider is the publisher's own.
    pub(super) fn decided_by_publisher(&self, id: &str) -> Option<String> {
        let props = self.c.node_props(id)?;
        if props.get("decided_by").is_some()
            || props.get("decision").and_then(Value::as_str) != Some("公表")
        {
            return None;
        }
        Some(self.c.doc.info.publisher.trim().to_string())
    }

    /// The first line quoting `name` (loosely), as a source.
    pub(super) fn first_mention(&self, name: &str) -> Source {
        let key = loose_key(name);
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            for caps in QUOTED.captures_iter(raw) {
                if let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1))
                    && loose_key(inner.as_str()) == key
                {
                    return self.c.source(line, whole.as_str());
                }
            }
        }
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            if loose_key(raw).contains(&key) {
                return self.c.source(line, raw.trim());
            }
        }
        self.c.source(1, "")
    }
}
