//! Strategic areas: area labels, table rows assigned to areas and the excerpts under them.

use super::*;

impl ExcerptReader<'_> {
    // ---------------------------------------------------------------- areas

    /// The strategic areas, in the order their label lines appear.
    pub(super) fn read_area_labels(&mut self, blocks: &[Block]) -> Vec<(String, String)> {
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
    pub(super) fn read_rows(&mut self, block: &Block, areas: &[(String, String)]) {
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
    pub(super) fn read_labelled_body(&mut self, block: &Block) {
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
    pub(super) fn read_embedded_strategy(&mut self, parent: &str, line: usize, raw: &str) {
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
}

/// The area whose label words appear in a row's chapter path (then its excerpt).
pub(super) fn keyword_area(
    path: &str,
    excerpt: &str,
    areas: &[(String, String)],
) -> Option<String> {
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
pub(super) fn area_keywords(label: &str) -> Vec<String> {
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
