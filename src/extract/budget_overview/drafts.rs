//! Phase 2: the parsed headings, programs and figures become node and edge drafts.

use super::*;

#[derive(Default)]
pub(super) struct Drafts {
    pub(super) nodes: Vec<NodeDraft>,
    pub(super) index: HashMap<String, usize>,
    pub(super) edges: Vec<EdgeDraft>,
    pub(super) edge_index: HashMap<(String, Rel, String), usize>,
}

impl Drafts {
    pub(super) fn node(&mut self, draft: NodeDraft) -> String {
        let id = draft.id.clone();
        match self.index.get(&id).copied() {
            Some(at) => {
                if let Some(node) = self.nodes.get_mut(at) {
                    for source in draft.sources {
                        if !node.sources.contains(&source) {
                            node.sources.push(source);
                        }
                    }
                    for alias in draft.aliases {
                        if !node.aliases.contains(&alias) && alias != node.name {
                            node.aliases.push(alias);
                        }
                    }
                    for (key, value) in draft.props {
                        merge_prop(&mut node.props, key, value);
                    }
                }
            }
            None => {
                self.index.insert(id.clone(), self.nodes.len());
                self.nodes.push(draft);
            }
        }
        id
    }

    pub(super) fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        if from == to {
            return;
        }
        let key = (from.to_string(), rel, to.to_string());
        match self.edge_index.get(&key).copied() {
            Some(at) => {
                if let Some(edge) = self.edges.get_mut(at)
                    && !edge.sources.contains(&source)
                {
                    edge.sources.push(source);
                }
            }
            None => {
                self.edge_index.insert(key, self.edges.len());
                self.edges.push(EdgeDraft::new(from, rel, to, source));
            }
        }
    }
}

/// Adds a property to a merged node: arrays (budget flags) are united, other values kept
/// from the first draft.
pub(super) fn merge_prop(props: &mut Map<String, Value>, key: String, value: Value) {
    match (props.get_mut(&key), value) {
        (Some(Value::Array(existing)), Value::Array(more)) => {
            for item in more {
                if !existing.contains(&item) {
                    existing.push(item);
                }
            }
            existing.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
        (Some(_), _) => {}
        (None, value) => {
            props.insert(key, value);
        }
    }
}

pub(super) fn emit(parser: Parser<'_>) -> Extraction {
    let mut drafts = Drafts::default();
    let keys = heading_keys(&parser.headings);
    let mut heading_ids = Vec::with_capacity(parser.headings.len());
    let children: HashSet<usize> = parser.headings.iter().filter_map(|h| h.parent).collect();
    for (index, heading) in parser.headings.iter().enumerate() {
        let key = keys.get(index).cloned().unwrap_or_default();
        let id = emit_heading(
            &mut drafts,
            heading,
            &key,
            children.contains(&index),
            parser.ctx,
        );
        heading_ids.push(id);
    }
    for (index, heading) in parser.headings.iter().enumerate() {
        let (Some(parent), Some(id), Some(source)) = (
            heading.parent,
            heading_ids.get(index),
            heading.sources.first(),
        ) else {
            continue;
        };
        if let Some(parent_id) = heading_ids.get(parent) {
            drafts.edge(id, Rel::PartOf, parent_id, source.clone());
        }
        let key = keys.get(index).cloned().unwrap_or_default();
        let name = heading.names.first().cloned().unwrap_or_default();
        for fig in &heading.figs {
            let fig_key = if listed_elsewhere(&fig.figure) && !key.ends_with(']') {
                format!("{key} [{}]", heading.path)
            } else {
                key.clone()
            };
            emit_budget(&mut drafts, id, &name, &fig_key, fig);
        }
    }
    let mut program_ids = Vec::with_capacity(parser.programs.len());
    for program in &parser.programs {
        let node_type = match program.role {
            ProgramRole::Financing => NodeType::Measure,
            _ => NodeType::Program,
        };
        let mut draft = NodeDraft::new(node_type, &program.name, program.source.clone());
        draft.props = program.props.clone();
        draft.props.insert(
            "role".into(),
            Value::String(format!("{:?}", program.role).to_lowercase()),
        );
        let id = if program.name.is_empty() {
            String::new()
        } else {
            drafts.node(draft)
        };
        program_ids.push(id);
    }
    for (index, program) in parser.programs.iter().enumerate() {
        let Some(id) = program_ids.get(index).filter(|id| !id.is_empty()) else {
            continue;
        };
        let (owner_id, rel, owner_path) = match program.owner {
            Owner::Heading(h) => (
                heading_ids.get(h).cloned(),
                if program.role == ProgramRole::Cost {
                    Rel::FundedBy
                } else {
                    Rel::PartOf
                },
                parser.headings.get(h).map(|x| x.path.clone()),
            ),
            Owner::Program(p) => (program_ids.get(p).cloned(), Rel::PartOf, None),
            Owner::None => (None, Rel::PartOf, None),
        };
        if let Some(owner_id) = owner_id.filter(|o| !o.is_empty()) {
            match rel {
                Rel::FundedBy => drafts.edge(&owner_id, rel, id, program.source.clone()),
                _ => drafts.edge(id, rel, &owner_id, program.source.clone()),
            }
        }
        for fig in &program.figs {
            let mut key = program.name.clone();
            if let Some(suffix) = &fig.key_suffix {
                key = format!("{key} {suffix}");
            }
            if let (true, Some(path)) = (listed_elsewhere(&fig.figure), &owner_path) {
                key = format!("{key} [{path}]");
            }
            emit_budget(&mut drafts, id, &program.name, &key, fig);
        }
    }
    let entity_ids: Vec<String> = parser
        .entities
        .iter()
        .map(|entity| {
            let mut draft = NodeDraft::new(entity.node_type, &entity.name, entity.source.clone());
            draft.aliases = entity.aliases.clone();
            draft.props = entity.props.clone();
            drafts.node(draft)
        })
        .collect();
    for link in &parser.links {
        let from = match link.subject {
            Subject::Heading(i) => heading_ids.get(i).cloned(),
            Subject::Program(i) => program_ids.get(i).cloned(),
            Subject::Entity(i) => entity_ids.get(i).cloned(),
        };
        let (Some(from), Some(to)) = (from.filter(|f| !f.is_empty()), entity_ids.get(link.object))
        else {
            continue;
        };
        drafts.edge(&from, link.rel, to, link.source.clone());
    }
    Extraction {
        nodes: drafts.nodes,
        edges: drafts.edges,
        unparsed: parser.unparsed,
    }
}

/// Id keys of headings: the name, qualified by the numbering path where the same name occurs
/// at another path of the document.
pub(super) fn heading_keys(headings: &[Heading]) -> Vec<String> {
    let mut paths_by_name: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    for heading in headings {
        if let Some(name) = heading.names.first() {
            paths_by_name
                .entry(norm(name))
                .or_default()
                .insert(heading.path.as_str());
        }
    }
    headings
        .iter()
        .map(|heading| {
            let name = heading.names.first().cloned().unwrap_or_default();
            let shared = paths_by_name
                .get(&norm(&name))
                .is_some_and(|paths| paths.len() > 1);
            if shared || name.is_empty() {
                format!("{name} [{}]", heading.path)
            } else {
                name
            }
        })
        .collect()
}

pub(super) fn emit_heading(
    drafts: &mut Drafts,
    heading: &Heading,
    key: &str,
    has_children: bool,
    ctx: Option<YearCtx>,
) -> String {
    let name = heading.names.first().cloned().unwrap_or_default();
    let node_type = heading.level.node_type();
    let Some(first) = heading.sources.first() else {
        return String::new();
    };
    let mut draft = NodeDraft::new(node_type, &name, first.clone());
    draft.id = if key == name {
        node_id(node_type, key)
    } else {
        node_id(node_type, &fitting_key(key, 80))
    };
    draft.sources = heading.sources.clone();
    let canonical = norm(&name);
    for other in heading.names.iter().skip(1) {
        if norm(other) != canonical && !draft.aliases.contains(other) {
            draft.aliases.push(other.clone());
        }
    }
    draft
        .props
        .insert("numbering".into(), Value::String(heading.path.clone()));
    draft
        .props
        .insert("level".into(), Value::String(heading.level.as_str().into()));
    if heading.no_initial_amount {
        draft
            .props
            .insert("no_initial_amount".into(), Value::Bool(true));
    }
    if has_children && let Some(total) = stated_total(heading, ctx) {
        draft
            .props
            .insert("stated_total_oku".into(), Value::String(total.to_string()));
    }
    drafts.node(draft)
}

/// Records a 比較増減額 (and 増減率) on the draft year's figure it compares, as
/// `change_oku_yen` and `change_rate`: a change is never a budget of its own.
pub(super) fn attach_change(
    figs: &mut [Fig],
    ctx: YearCtx,
    change: Option<Decimal>,
    rate: Option<Decimal>,
) {
    let Some(compared) = figs
        .iter_mut()
        .rev()
        .find(|f| f.figure.fiscal_year == ctx.draft && f.figure.kind == ctx.kind)
    else {
        return;
    };
    if let Some(change) = change {
        compared
            .extra
            .insert("change_oku_yen".into(), Value::String(change.to_string()));
    }
    if let Some(rate) = rate {
        compared
            .extra
            .insert("change_rate".into(), Value::String(rate.to_string()));
    }
}

/// Whether a figure is a re-listing (再掲/後掲, 〔〕 or `[ ]`) of an amount counted elsewhere.
pub(super) fn listed_elsewhere(figure: &BudgetFigure) -> bool {
    figure.flags.contains(&BudgetFlag::Relisted) || figure.flags.contains(&BudgetFlag::Bracketed)
}

/// `key` itself when its id form has at most `room` chars; otherwise its first chars and a
/// short hash of the whole, so that ids stay distinct under the 80-char id limit.
pub(super) fn fitting_key(key: &str, room: usize) -> String {
    use sha2::{Digest, Sha256};
    let compact: String = nfkc(key).chars().filter(|c| !c.is_whitespace()).collect();
    if compact.chars().count() <= room {
        return key.to_string();
    }
    let digest = hex::encode(Sha256::digest(compact.as_bytes()));
    let head: String = compact.chars().take(room.saturating_sub(9)).collect();
    format!("{head}~{}", &digest[..8])
}

/// The heading's own draft-year amount, when it counts toward totals: the document's statement
/// of the total of its children.
pub(super) fn stated_total(heading: &Heading, ctx: Option<YearCtx>) -> Option<Decimal> {
    let ctx = ctx?;
    heading
        .figs
        .iter()
        .find(|f| {
            f.figure.fiscal_year == ctx.draft
                && f.figure.kind == ctx.kind
                && f.figure.counts_toward_totals()
        })
        .and_then(|f| f.figure.amount_oku)
}

pub(super) fn emit_budget(drafts: &mut Drafts, owner: &str, item: &str, key: &str, fig: &Fig) {
    if owner.is_empty() {
        return;
    }
    let figure = &fig.figure;
    let amount = figure
        .amount_oku
        .map(|a| format!("{a}億円"))
        .unwrap_or_else(|| "事項要求".into());
    let name = format!(
        "{item} {} {} {amount}",
        figure.fiscal_year.label(),
        figure.kind.as_str()
    );
    let mut props = figure.to_props();
    props.insert("item".into(), Value::String(item.to_string()));
    for (k, v) in &fig.extra {
        props.insert(k.clone(), v.clone());
    }
    let key = if figure.inclusive {
        format!("{key} (の内数)")
    } else {
        key.to_string()
    };
    let draft = NodeDraft {
        id: node_id(NodeType::Budget, &figure.id_key(&fitting_key(&key, 48))),
        node_type: NodeType::Budget,
        name,
        aliases: Vec::new(),
        props,
        sources: vec![fig.source.clone()],
    };
    let id = drafts.node(draft);
    drafts.edge(owner, Rel::HasBudget, &id, fig.source.clone());
}
