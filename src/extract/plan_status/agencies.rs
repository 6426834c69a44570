//! Agencies named in the report and the rows they are responsible for.

use super::*;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- agencies

    pub(super) fn read_agencies(&mut self) {
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            for body in find_legal_bodies(raw) {
                let source = self.c.source(line, &raw[body.start..body.end]);
                let id = self.c.node(NodeType::Agency, &body.name, source);
                self.c.alias(&id, &body.short);
                if let Some(abbreviation) = &body.abbreviation {
                    self.c.alias(&id, abbreviation);
                    self.abbreviations.insert(abbreviation.clone(), id.clone());
                }
            }
        }
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            let text = strip_tags_keep_len(raw);
            let bodies = find_bodies(&text);
            let ids: Vec<String> = bodies
                .iter()
                .map(|b| {
                    let source = self.c.source(line, &raw[b.start..b.end]);
                    self.c.node(NodeType::Agency, &b.name, source)
                })
                .collect();
            for (child, parent) in body_chain(&text, &bodies) {
                let quote = &raw[bodies[parent].start..bodies[child].end];
                let source = self.c.source(line, quote);
                self.c.edge(&ids[child], Rel::PartOf, &ids[parent], source);
            }
            for (name, start, end) in find_actor_acronyms(&text) {
                let source = self.c.source(line, &raw[start..end]);
                if !self.abbreviations.contains_key(&name) {
                    self.c.node(NodeType::Agency, &name, source);
                }
            }
        }
    }

    /// Agencies named in `text` (a row's raw line), as `(id, start, end)`.
    pub(super) fn agency_mentions(&self, text: &str) -> Vec<(String, usize, usize)> {
        let text = strip_tags_keep_len(text);
        let mut found: Vec<(String, usize, usize)> = Vec::new();
        for body in find_legal_bodies(&text) {
            found.push((agency_id(&body.name), body.start, body.end));
        }
        for body in find_bodies(&text) {
            if !found
                .iter()
                .any(|(_, s, e)| body.start < *e && *s < body.end)
            {
                found.push((agency_id(&body.name), body.start, body.end));
            }
        }
        for (abbreviation, id) in &self.abbreviations {
            for (start, _) in text.match_indices(abbreviation.as_str()) {
                let end = start + abbreviation.len();
                if !found.iter().any(|(_, s, e)| start < *e && *s < end) {
                    found.push((id.clone(), start, end));
                }
            }
        }
        for (name, start, end) in find_actor_acronyms(&text) {
            if !found.iter().any(|(_, s, e)| start < *e && *s < end) {
                let id = self
                    .abbreviations
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| agency_id(&name));
                found.push((id, start, end));
            }
        }
        found.retain(|(id, _, _)| self.c.has_node(id));
        found.sort_by_key(|(_, start, _)| *start);
        found
    }

    /// responsible / collaborates_with edges from a measure to the bodies its row names.
    pub(super) fn link_row_agencies(&mut self, measure: &str, line: usize, raw: &str) {
        for (agency, start, end) in self.agency_mentions(raw) {
            let after = raw[end..].trim_start();
            let clause_end = raw[end..].find('。').map(|i| end + i).unwrap_or(raw.len());
            let clause = &raw[end..clause_end];
            let collaborates = [
                "と連携",
                "とも連携",
                "と相互",
                "等の政府系金融機関と連携",
                "や",
                "、",
                "及び",
                "と",
            ]
            .iter()
            .any(|p| after.starts_with(p))
                && (clause.contains("連携") || clause.contains("協力"));
            let responsible = ["が", "において", "による", "を中心", "を中核"]
                .iter()
                .any(|p| after.starts_with(p))
                && !after.starts_with("が連携");
            let quote_end =
                (end + after_len(after, 30) + (raw[end..].len() - after.len())).min(raw.len());
            let quote = &raw[start..crate::extract::collect::floor_boundary(raw, quote_end)];
            let source = self.c.source(line, quote);
            if collaborates {
                self.c.edge(measure, Rel::CollaboratesWith, &agency, source);
            } else if responsible {
                self.c.edge(measure, Rel::Responsible, &agency, source);
            }
        }
    }
}
