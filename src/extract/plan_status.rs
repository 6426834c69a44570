//! Reader for a plan's progress report (`plan_status`): the plan and its component plans,
//! their pillars and focus areas with goals and targets, the 具体的な取組 items, the
//! `取組の内容\t対応状況` progress tables with the budgets cited in 【…】, and the budget summary
//! slide.

use super::collect::{Collector, shorten, strip_tags_keep_len};
use super::recognise::bodies::{
    agency_id, body_chain, find_actor_acronyms, find_bodies, find_legal_bodies,
};
use super::recognise::decisions::{decider_agency, parse_decision};
use super::recognise::names::{bigram_overlap, clean_name, loose_key, trim_markers};
use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{
    AmountMatch, BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, detect_qualifiers, find_amounts,
    find_fiscal_years,
};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Reads a plan progress report into nodes and edges.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut reader = PlanReader::new(doc);
    reader.read();
    reader.finish()
}

/// Longest text kept in a measure's `content`/`status` props, in chars.
const MAX_PROP_CHARS: usize = 2000;

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"「([^「」]{2,80})」").expect("quoted pattern"));
static PART_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)\s*に係る対応状況$").expect("part header pattern"));
static TITLE_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)\s*に係る対応状況について").expect("title pattern"));
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(\d+)\s*[-－‐−―]\s*(\d+)|[(（]\s*(\d+)\s*[)）])\s*(.+?)\s*$")
        .expect("section pattern")
});
static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【([^【】]*)】").expect("bracket pattern"));
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]{2,80})\]").expect("target pattern"));
static TARGET_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})\s*年(?:度)?頃?\s*(?:まで)?に?").expect("year pattern"));
static TARGET_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?\s*(?:%|％|カ国|か国|ヵ国|社|件|倍)(?:以上|以下|程度)?|トップ\s*\d+|上位シェア|\d+位")
        .expect("value pattern")
});
static STRATEGY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(計画|戦略|プラン|ロードマップ|方針|構想)\s*(\d+(\.\d+)?)?$")
        .expect("strategy name")
});
static POLICY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(法|ガイドライン|事例集|在り方|イニシアティブ|指針|方向性|\d+\.\d+)$")
        .expect("policy name")
});
static BODY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(検討会|研究会|委員会|協議会|審議会|会議|作業班)$").expect("body name")
});
static PROGRAM_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}ーA-Za-z0-9]{4,40}?事業)(?:により|によって|を活用)")
        .expect("program mention")
});

/// A strategy known to the reader.
#[derive(Debug, Clone)]
struct KnownStrategy {
    id: String,
    key: String,
    name: String,
}

/// Where a table row sits.
struct RowContext<'r> {
    plan: Option<&'r str>,
    section: Option<&'r str>,
    number: &'r str,
}

/// A budget read from a bracket or a summary line, waiting for program names to be resolved.
#[derive(Debug, Clone)]
struct PendingBudget {
    item: String,
    figure: BudgetFigure,
    source: Source,
    extra: Map<String, Value>,
    funder: Option<(String, Source)>,
    from_summary: bool,
}

/// A fund or program a node belongs to, named as written.
#[derive(Debug, Clone)]
struct PendingPartOf {
    child: String,
    program: String,
    source: Source,
}

/// Reading state.
struct PlanReader<'a> {
    c: Collector<'a>,
    strategies: Vec<KnownStrategy>,
    umbrella: Option<String>,
    components: Vec<String>,
    pillars: HashMap<String, Vec<String>>,
    budgets: Vec<PendingBudget>,
    part_of_programs: Vec<PendingPartOf>,
    abbreviations: HashMap<String, String>,
}

/// One budget amount inside a 【…】 group, with byte offsets into the line.
#[derive(Debug, Clone)]
struct BracketHit {
    item: String,
    item_start: usize,
    amount_end: usize,
    quote_end: usize,
    figure: BudgetFigure,
    extra: Map<String, Value>,
}

impl<'a> PlanReader<'a> {
    fn new(doc: &'a SeedDoc) -> PlanReader<'a> {
        PlanReader {
            c: Collector::new(doc),
            strategies: Vec::new(),
            umbrella: None,
            components: Vec::new(),
            pillars: HashMap::new(),
            budgets: Vec::new(),
            part_of_programs: Vec::new(),
            abbreviations: HashMap::new(),
        }
    }

    fn line_count(&self) -> usize {
        self.c.doc.lines.len()
    }

    fn read(&mut self) {
        self.read_publisher();
        self.read_agencies();
        self.read_quoted_names();
        self.read_part_headers();
        self.read_title_plan();
        let first_table = self.first_table_line();
        self.read_overview(first_table);
        self.read_tables();
        self.read_summary_amounts();
    }

    fn finish(mut self) -> Extraction {
        self.resolve_budgets();
        self.c.finish()
    }

    // ---------------------------------------------------------------- strategies

    /// The strategy registered under the loose form of `name`, created if new.
    fn strategy(&mut self, name: &str, source: Source) -> String {
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

    fn find_strategy(&self, name: &str) -> Option<KnownStrategy> {
        let key = loose_key(name);
        if key.is_empty() {
            return None;
        }
        self.strategies.iter().find(|s| s.key == key).cloned()
    }

    fn read_publisher(&mut self) {
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
    fn read_quoted_names(&mut self) {
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            for caps in QUOTED.captures_iter(raw) {
                let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let name = clean_name(inner.as_str());
                let source = self.c.source(line, whole.as_str());
                let after = &raw[whole.end()..];
                match classify_quoted(&name) {
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
    fn read_decision(&mut self, id: &str, line: usize, after: &str) {
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

    fn read_part_headers(&mut self) {
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
    fn read_title_plan(&mut self) {
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
    fn link_components(&mut self, umbrella: &str) {
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
    fn decided_by_publisher(&self, id: &str) -> Option<String> {
        let props = self.c.node_props(id)?;
        if props.get("decided_by").is_some()
            || props.get("decision").and_then(Value::as_str) != Some("公表")
        {
            return None;
        }
        Some(self.c.doc.info.publisher.trim().to_string())
    }

    /// The first line quoting `name` (loosely), as a source.
    fn first_mention(&self, name: &str) -> Source {
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

    // ---------------------------------------------------------------- agencies

    fn read_agencies(&mut self) {
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
    fn agency_mentions(&self, text: &str) -> Vec<(String, usize, usize)> {
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
    fn link_row_agencies(&mut self, measure: &str, line: usize, raw: &str) {
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
            let quote = &raw[start..super::collect::floor_boundary(raw, quote_end)];
            let source = self.c.source(line, quote);
            if collaborates {
                self.c.edge(measure, Rel::CollaboratesWith, &agency, source);
            } else if responsible {
                self.c.edge(measure, Rel::Responsible, &agency, source);
            }
        }
    }

    // ---------------------------------------------------------------- overview

    fn first_table_line(&self) -> usize {
        (1..=self.line_count())
            .find(|&n| {
                let raw = self.c.line(n).trim();
                PART_HEADER.is_match(raw) || self.c.line(n).contains('\t')
            })
            .unwrap_or(self.line_count() + 1)
    }

    fn read_overview(&mut self, end: usize) {
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
    fn adopted_strategy(&mut self, line: usize, text: &str) -> Option<String> {
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
    fn switch_by_type_word(&self, current: Option<&str>, text: &str) -> Option<String> {
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

    fn read_pillar(&mut self, line: usize, text: &str, strategy: &str) -> String {
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

    fn read_label_focus(
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
    fn read_focus(
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

    fn read_target(
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
        let mut draft = NodeDraft::new(NodeType::Indicator, &name, source.clone())
            .with_prop("target", target.clone())
            .with_prop("theme", theme_name);
        if let Some(value) = TARGET_VALUE.find(&rest) {
            draft = draft.with_prop("target_value", value.as_str());
        }
        draft = draft.with_prop(
            "target_year",
            year.map(Value::String).unwrap_or(Value::Null),
        );
        let id = self.c.node_draft(draft);
        self.c.alias(&id, &rest);
        self.c.edge(theme, Rel::EvaluatedBy, &id, source.clone());
        if let Some(strategy) = strategy {
            self.c.edge(strategy, Rel::Targets, &id, source);
        }
    }

    fn read_focus_item(&mut self, line: usize, text: &str, theme: &str, strategy: Option<&str>) {
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

    // ---------------------------------------------------------------- tables

    fn read_tables(&mut self) {
        let mut plan: Option<String> = None;
        let mut section: Option<(String, String)> = None;
        let mut previous_text: Option<(usize, String)> = None;
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(caps) = PART_HEADER.captures(trimmed) {
                if let Some(known) = caps
                    .get(1)
                    .and_then(|m| self.find_strategy(&clean_name(m.as_str())))
                {
                    plan = Some(known.id);
                }
                section = None;
                previous_text = None;
                continue;
            }
            let Some((cell1, cell2)) = raw.split_once('\t') else {
                previous_text = Some((line, trimmed.to_string()));
                continue;
            };
            if is_header_row(cell1, cell2) {
                if let Some((heading_line, heading)) = previous_text.take() {
                    section = Some(self.read_section(heading_line, &heading, plan.as_deref()));
                }
                continue;
            }
            let (section_id, number) = match &section {
                Some((id, number)) => (Some(id.as_str()), number.as_str()),
                None => (None, ""),
            };
            let context = RowContext {
                plan: plan.as_deref(),
                section: section_id,
                number,
            };
            self.read_row(line, raw, cell1.len() + 1, &context);
        }
    }

    fn read_section(&mut self, line: usize, heading: &str, plan: Option<&str>) -> (String, String) {
        let (number, name) = match SECTION.captures(heading) {
            Some(caps) => {
                let number = match (caps.get(1), caps.get(2), caps.get(3)) {
                    (Some(a), Some(b), _) => format!("{}-{}", a.as_str(), b.as_str()),
                    (_, _, Some(n)) => format!("({})", n.as_str()),
                    _ => String::new(),
                };
                (
                    number,
                    caps.get(4)
                        .map(|m| m.as_str())
                        .unwrap_or(heading)
                        .to_string(),
                )
            }
            None => (String::new(), heading.to_string()),
        };
        let source = self.c.source(line, heading);
        let id = self
            .c
            .node(NodeType::Theme, &clean_name(&name), source.clone());
        if !number.is_empty() {
            self.c.prop(&id, "section", number.clone());
        }
        if let Some(plan) = plan {
            self.c.edge(plan, Rel::Targets, &id, source.clone());
            let pillar = number
                .split('-')
                .next()
                .filter(|_| number.contains('-'))
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| {
                    self.pillars
                        .get(plan)
                        .and_then(|p| p.get(n.wrapping_sub(1)))
                        .cloned()
                });
            if let Some(pillar) = pillar {
                self.c.edge(&id, Rel::PartOf, &pillar, source);
            }
        }
        (id, number)
    }

    fn read_row(&mut self, line: usize, raw: &str, cell2_offset: usize, context: &RowContext<'_>) {
        let (plan, section) = (context.plan, context.section);
        let cell1 = &raw[..cell2_offset.saturating_sub(1)];
        let Some((title_start, title_end)) = row_title(cell1) else {
            return;
        };
        let title_raw = &cell1[title_start..title_end];
        let relisted = title_raw.contains("再掲");
        let name = clean_name(&title_raw.replace("【再掲】", "").replace("（再掲）", ""));
        if name.is_empty() {
            return;
        }
        let cell2 = &raw[cell2_offset..];
        let source = self.c.source(line, title_raw.trim());
        let draft = NodeDraft::new(NodeType::Measure, &name, source.clone())
            .with_prop("content", cap_chars(&clean_name(cell1), MAX_PROP_CHARS))
            .with_prop("status", cap_chars(&clean_name(cell2), MAX_PROP_CHARS));
        let mut draft = draft;
        if relisted {
            draft = draft.with_prop("relisted", true);
        }
        if !context.number.is_empty() {
            draft = draft.with_prop("section", context.number);
        }
        let measure = self.c.node_draft(draft);
        if let Some(plan) = plan {
            self.c.edge(&measure, Rel::Implements, plan, source.clone());
        }
        if let Some(section) = section {
            self.c.edge(&measure, Rel::PartOf, section, source);
        }
        self.read_row_budgets(line, raw, cell2_offset, &measure, relisted);
        self.link_row_agencies(&measure, line, raw);
        self.link_row_bases(&measure, line, raw);
        self.read_row_named_items(&measure, line, raw);
    }

    /// 【program：amount（FY kind）、…】 groups in the 対応状況 cell, and 総額 amounts beside them.
    fn read_row_budgets(
        &mut self,
        line: usize,
        raw: &str,
        cell2_offset: usize,
        measure: &str,
        relisted: bool,
    ) {
        let cell2 = &raw[cell2_offset..];
        let mut hits: Vec<(usize, usize, Vec<BracketHit>)> = Vec::new();
        for m in BRACKET.find_iter(cell2) {
            let start = cell2_offset + m.start();
            let end = cell2_offset + m.end();
            let content_start = start + '【'.len_utf8();
            let content = &raw[content_start..end - '】'.len_utf8()];
            if find_amounts(content).is_empty() {
                continue;
            }
            let relisted_here = relisted
                || raw[end..].trim_start().starts_with("（再掲）")
                || raw[end..].trim_start().starts_with("(再掲)");
            let (found, unread) = parse_bracket(content, content_start);
            for (s, e) in unread {
                let source = self.c.source(line, &raw[s..e]);
                self.c.unparsed(source);
            }
            let mut found = found;
            for hit in &mut found {
                if relisted_here {
                    hit.figure.flags.insert(BudgetFlag::Relisted);
                }
            }
            hits.push((start, end, found));
        }
        for (_, _, found) in &hits {
            for hit in found {
                let quote = budget_quote(raw, hit);
                let source = self.c.source(line, quote);
                let funder_quote =
                    &raw[hit.item_start.saturating_sub('【'.len_utf8())..hit.amount_end];
                let funder_source = self.c.source(line, funder_quote);
                self.budgets.push(PendingBudget {
                    item: clean_name(&hit.item),
                    figure: hit.figure.clone(),
                    source,
                    extra: hit.extra.clone(),
                    funder: Some((measure.to_string(), funder_source)),
                    from_summary: false,
                });
            }
        }
        self.read_cell_totals(line, raw, cell2_offset, &hits);
    }

    /// Amounts in a status cell outside 【…】: `総額209.4億円` belongs to the nearest group's item.
    fn read_cell_totals(
        &mut self,
        line: usize,
        raw: &str,
        cell2_offset: usize,
        hits: &[(usize, usize, Vec<BracketHit>)],
    ) {
        let cell2 = &raw[cell2_offset..];
        let spans: Vec<(usize, usize)> = BRACKET
            .find_iter(cell2)
            .map(|m| (cell2_offset + m.start(), cell2_offset + m.end()))
            .collect();
        for amount in find_amounts(cell2) {
            let (start, end) = (cell2_offset + amount.start, cell2_offset + amount.end);
            if spans.iter().any(|(s, e)| *s <= start && end <= *e) {
                continue;
            }
            let before = &raw[..start];
            let clause_start = before
                .rfind(['。', '・', '】', '>'])
                .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(cell2_offset)
                .max(cell2_offset);
            let clause = &raw[clause_start..start];
            let same_bullet = |gap: &str| !gap.contains("</p>") && !gap.contains('・');
            let candidates = || hits.iter().filter(|(_, _, found)| !found.is_empty());
            let nearest = candidates()
                .filter(|(_, e, _)| *e <= start && same_bullet(&raw[*e..start]))
                .max_by_key(|(_, e, _)| *e)
                .or_else(|| {
                    candidates()
                        .filter(|(s, _, _)| *s >= end && same_bullet(&raw[end..*s]))
                        .min_by_key(|(s, _, _)| *s)
                })
                .or_else(|| {
                    candidates().min_by_key(|(s, e, _)| {
                        if *e <= start {
                            start - e
                        } else {
                            s.saturating_sub(end)
                        }
                    })
                });
            let Some((_, _, found)) = nearest else {
                self.c.unparsed(self.c.source(line, &raw[start..end]));
                continue;
            };
            if !clause.trim_end().ends_with("総額") && !clause.trim_end().ends_with("総額：") {
                self.c.unparsed(self.c.source(line, &raw[start..end]));
                continue;
            }
            let Some(base) = found.last() else { continue };
            let folded = fold_variants(clause);
            let fiscal_year = find_fiscal_years(clause)
                .last()
                .map(|m| m.year)
                .unwrap_or(base.figure.fiscal_year);
            let kind = if folded.contains("国庫債務負担行為") {
                BudgetKind::Other
            } else {
                BudgetKind::detect(&folded).unwrap_or(base.figure.kind)
            };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            let (_, flags) = detect_qualifiers(clause);
            figure.flags.extend(flags);
            let mut extra = Map::new();
            extra.insert("total".into(), Value::Bool(true));
            if folded.contains("国庫債務負担行為") {
                extra.insert("basis".into(), Value::String("国庫債務負担行為".into()));
            }
            let quote = &raw[clause_start..end];
            let source = self.c.source(line, quote.trim());
            self.budgets.push(PendingBudget {
                item: clean_name(&base.item),
                figure,
                source: source.clone(),
                extra,
                funder: None,
                from_summary: false,
            });
        }
    }

    /// 「X」… に基づき / を踏まえ → based_on X; unquoted laws before に基づき too.
    fn link_row_bases(&mut self, measure: &str, line: usize, raw: &str) {
        for sentence in split_sentences(raw) {
            let Some(trigger) = ["に基づき", "を踏まえ", "に基づく"]
                .iter()
                .filter_map(|t| sentence.text.find(t))
                .min()
            else {
                continue;
            };
            let head = &sentence.text[..trigger];
            for caps in QUOTED.captures_iter(head) {
                let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let name = clean_name(inner.as_str());
                let target = match classify_quoted(&name) {
                    Some(NodeType::Strategy) => self.find_strategy(&name).map(|k| k.id),
                    Some(NodeType::Policy) => Some(node_id(NodeType::Policy, &name)),
                    _ => None,
                };
                if let Some(target) = target.filter(|t| self.c.has_node(t)) {
                    let source = self.c.source(line, whole.as_str());
                    self.c.edge(measure, Rel::BasedOn, &target, source);
                }
            }
            for (name, start, end) in named_government_strategies(head) {
                if let Some(known) = self.find_strategy(&name) {
                    let source = self.c.source(line, &head[start..end]);
                    self.c.edge(measure, Rel::BasedOn, &known.id, source);
                }
            }
            if head.ends_with('」') {
                continue;
            }
            let phrase_start = head
                .rfind(['、', '。', '>', '・'])
                .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1));
            let phrase = &head[phrase_start.unwrap_or(0)..];
            let phrase = if phrase.contains('法') && phrase.chars().count() <= 40 {
                // A list of laws joined by ・ stays whole up to the previous comma.
                let from = head
                    .rfind(['、', '。', '>'])
                    .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                    .unwrap_or(0);
                &head[from..]
            } else {
                phrase
            };
            for law in phrase.split('・') {
                let name = clean_name(law);
                if name.chars().count() < 2 || name.chars().count() > 40 || !name.ends_with('法') {
                    continue;
                }
                let source = self.c.source(line, law.trim());
                let id = self.c.node(NodeType::Policy, &name, source.clone());
                self.c.edge(measure, Rel::BasedOn, &id, source);
            }
        }
    }

    /// Named sub-items in a row: 「CYDER」-like names, and 「…」の採択 under a …基金.
    fn read_row_named_items(&mut self, measure: &str, line: usize, raw: &str) {
        for caps in QUOTED.captures_iter(raw) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let name = clean_name(inner.as_str());
            let after = &raw[whole.end()..];
            if after.starts_with("の採択") {
                let before = &raw[..whole.start()];
                let fund = before
                    .rfind("基金")
                    .map(|i| i + "基金".len())
                    .and_then(|end| fund_name_before(before, end));
                let source = self.c.source(line, whole.as_str());
                let id = self.c.node(NodeType::Measure, &name, source.clone());
                self.c.edge(&id, Rel::PartOf, measure, source.clone());
                if let Some(fund) = fund {
                    let quote_start = before.rfind(&fund).unwrap_or(whole.start());
                    let source = self.c.source(line, &raw[quote_start..whole.end()]);
                    self.part_of_programs.push(PendingPartOf {
                        child: id,
                        program: clean_name(&fund),
                        source,
                    });
                }
                continue;
            }
            let is_code_name = name.chars().filter(|c| c.is_ascii_uppercase()).count() >= 3
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            let is_project = name.ends_with("プロジェクト") || name.ends_with("サービス");
            if !(is_code_name || is_project) {
                continue;
            }
            let source = self.c.source(line, whole.as_str());
            let id = self.c.node(NodeType::Measure, &name, source.clone());
            let before = &raw[..whole.start()];
            let label_start = before
                .rfind(['、', '。', '・', '>', ' ', 'や'])
                .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            let label = clean_name(&before[label_start..]);
            if label.chars().count() >= 3 && !label.ends_with('の') {
                self.c.alias(&id, &label);
            }
            self.c.edge(&id, Rel::PartOf, measure, source);
        }
        let text = strip_tags_keep_len(raw);
        for caps in PROGRAM_MENTION.captures_iter(&text) {
            let Some(name) = caps.get(1) else { continue };
            let program = clean_name(name.as_str());
            if program.contains("基金") || program.chars().count() < 6 {
                continue;
            }
            let source = self.c.source(line, &raw[name.start()..name.end()]);
            let id = self.c.node(NodeType::Program, &program, source.clone());
            self.c.edge(measure, Rel::FundedBy, &id, source);
        }
    }

    // ---------------------------------------------------------------- summary slide

    /// Amounts outside the tables: `- 項目：**1,500億円**`, `…補正予算は、**3,592.8億円**`.
    fn read_summary_amounts(&mut self) {
        let mut default: Option<(FiscalYear, BudgetKind, String)> = None;
        let count = self.line_count();
        let mut line = 1;
        while line <= count {
            let raw = self.c.line(line);
            if raw.contains('\t') || raw.trim().is_empty() {
                line += 1;
                continue;
            }
            let (text, last_line) = self.joined_item(line);
            if let Some(found) = line_default(&text) {
                default = Some(found);
            }
            if !find_amounts(&text).is_empty() {
                self.read_summary_line(line, last_line, &text, default.clone());
            }
            line = last_line + 1;
        }
    }

    /// Records an approximate change (約N億円の増/減) on the latest figure of the item, year
    /// and kind the line speaks of; false when no such figure was read.
    fn attach_change(
        &mut self,
        compared: Option<&(FiscalYear, BudgetKind, String)>,
        change: rust_decimal::Decimal,
    ) -> bool {
        let Some((year, kind, item)) = compared else {
            return false;
        };
        let Some(budget) =
            self.budgets.iter_mut().rev().find(|b| {
                &b.item == item && b.figure.fiscal_year == *year && b.figure.kind == *kind
            })
        else {
            return false;
        };
        budget
            .extra
            .insert("change_oku_yen".into(), Value::String(change.to_string()));
        budget
            .extra
            .insert("change_approximate".into(), Value::Bool(true));
        true
    }

    /// A `- name` line continued on the next line (`name：amount`) is read as one.
    fn joined_item(&self, line: usize) -> (String, usize) {
        let raw = self.c.line(line);
        let next = self.c.line(line + 1);
        let trimmed = raw.trim();
        let continues = trimmed.starts_with("- ")
            && find_amounts(raw).is_empty()
            && !trimmed.contains('：')
            && !next.trim().is_empty()
            && !next.trim_start().starts_with('-')
            && !next.contains('\t')
            && !find_amounts(next).is_empty()
            && next.contains('：');
        if continues {
            (format!("{raw}\n{next}"), line + 1)
        } else {
            (raw.to_string(), line)
        }
    }

    fn read_summary_line(
        &mut self,
        line: usize,
        last_line: usize,
        text: &str,
        default: Option<(FiscalYear, BudgetKind, String)>,
    ) {
        let amounts = find_amounts(text);
        let mut line_item: Option<String> = None;
        for (index, amount) in amounts.iter().enumerate() {
            let before = &text[..amount.start];
            let next_start = amounts
                .get(index + 1)
                .map(|a| a.start)
                .unwrap_or(text.len());
            let after = &text[amount.end..next_start];
            let (item, item_start) = summary_item(before);
            let after_trim = after.replace("**", "");
            let is_difference = before.trim_end().trim_end_matches('*').ends_with('約')
                && (after_trim.starts_with("の増") || after_trim.starts_with("の減"));
            if is_difference {
                let change = if after_trim.starts_with("の減") {
                    -amount.oku
                } else {
                    amount.oku
                };
                if !self.attach_change(default.as_ref(), change) {
                    self.c.unparsed(self.c.source_span(
                        line,
                        last_line,
                        &text[amount.start..amount.end],
                    ));
                }
                continue;
            }
            let item = match (item, &default) {
                (Some(item), _) if !is_total_word(&item) => item,
                (found, _) => {
                    let base = QUOTED
                        .captures(text)
                        .and_then(|c| c.get(1))
                        .map(|m| clean_name(m.as_str()))
                        .or_else(|| line_item.clone())
                        .or_else(|| default.as_ref().map(|d| d.2.clone()));
                    match (base, found) {
                        (Some(base), Some(word)) => format!("{base} {word}"),
                        (Some(base), None) => base,
                        (None, Some(word)) => word,
                        (None, None) => {
                            self.c.unparsed(self.c.source_span(
                                line,
                                last_line,
                                &text[amount.start..amount.end],
                            ));
                            continue;
                        }
                    }
                }
            };
            line_item.get_or_insert(item.clone());
            let Some((fiscal_year, kind)) = summary_year_kind(&item, after, text, &default) else {
                self.c.unparsed(self.c.source_span(
                    line,
                    last_line,
                    &text[amount.start..amount.end],
                ));
                continue;
            };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            let (inclusive, flags) =
                detect_qualifiers(after.split(['、', '。']).next().unwrap_or(""));
            figure.inclusive = inclusive;
            figure.flags = flags;
            let quote_start = item_start.min(amount.start);
            let quote = shorten_around(text, quote_start, amount.end);
            let source = self.c.source_span(line, last_line, quote);
            self.budgets.push(PendingBudget {
                item,
                figure,
                source,
                extra: Map::new(),
                funder: None,
                from_summary: true,
            });
        }
    }

    // ---------------------------------------------------------------- budgets

    /// Resolves program names (one canonical spelling per program), matches summary items to
    /// table programs with the same amount, and emits program/fund, budget and edge drafts.
    fn resolve_budgets(&mut self) {
        let canonical = canonical_names(
            self.budgets
                .iter()
                .filter(|b| !b.from_summary)
                .map(|b| b.item.as_str()),
        );
        let budgets = std::mem::take(&mut self.budgets);
        let mut emitted: Vec<(String, BudgetFigure)> = Vec::new();
        for budget in budgets {
            let mut item = canonical
                .get(&loose_key(&budget.item))
                .cloned()
                .unwrap_or_else(|| budget.item.clone());
            if budget.from_summary
                && let Some(existing) = match_existing(&emitted, &budget.item, &budget.figure)
            {
                item = existing;
            }
            let program = self.program_node(&item, budget.source.clone());
            if item != budget.item {
                self.c.alias(&program, &budget.item);
            }
            let mut draft = NodeDraft {
                id: node_id(NodeType::Budget, &budget.figure.id_key(&item)),
                node_type: NodeType::Budget,
                name: budget_name(&item, &budget.figure),
                aliases: Vec::new(),
                props: budget.figure.to_props(),
                sources: vec![budget.source.clone()],
            };
            draft
                .props
                .insert("item".into(), Value::String(item.clone()));
            for (k, v) in budget.extra {
                draft.props.insert(k, v);
            }
            let financing = draft
                .props
                .get("financing")
                .and_then(Value::as_str)
                .map(str::to_string);
            let budget_id = self.c.node_draft(draft);
            if let Some(plan) = financing {
                let plan_id = self.c.node(NodeType::Program, &plan, budget.source.clone());
                self.c
                    .edge(&program, Rel::FundedBy, &plan_id, budget.source.clone());
            }
            self.c
                .edge(&program, Rel::HasBudget, &budget_id, budget.source.clone());
            if let Some((measure, source)) = budget.funder {
                self.c.edge(&measure, Rel::FundedBy, &program, source);
            }
            emitted.push((item, budget.figure));
        }
        for pending in std::mem::take(&mut self.part_of_programs) {
            let item = canonical
                .get(&loose_key(&pending.program))
                .cloned()
                .unwrap_or(pending.program);
            let program = self.program_node(&item, pending.source.clone());
            self.c
                .edge(&pending.child, Rel::PartOf, &program, pending.source);
        }
    }

    fn program_node(&mut self, item: &str, source: Source) -> String {
        let node_type = if item.contains("基金") {
            NodeType::Fund
        } else {
            NodeType::Program
        };
        self.c.node(node_type, item, source)
    }
}

// -------------------------------------------------------------------- free helpers

/// What a quoted name is: a strategy, a policy/law, a body, or nothing to extract.
fn classify_quoted(name: &str) -> Option<NodeType> {
    let plain = name.trim_end_matches(['*']);
    if plain.chars().count() < 3 {
        return None;
    }
    if STRATEGY_NAME.is_match(plain) {
        Some(NodeType::Strategy)
    } else if BODY_NAME.is_match(plain) {
        Some(NodeType::Agency)
    } else if POLICY_NAME.is_match(plain) {
        Some(NodeType::Policy)
    } else {
        None
    }
}

/// `…、モビリティ・ロードマップ等の政府戦略` → the named strategies, with byte spans.
fn named_government_strategies(text: &str) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    for (index, _) in text.match_indices("等の政府戦略") {
        let before = &text[..index];
        let start = before
            .rfind(['、', '。', '「', '」', '>', ' '])
            .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
            .unwrap_or(0);
        let name = clean_name(&before[start..]);
        if name.chars().count() >= 3 {
            found.push((name, start, index));
        }
    }
    found
}

/// The text inside a parenthesis that opens `text` (full- or half-width), if any.
fn leading_paren(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (open, close) = if text.starts_with('（') {
        ('（', '）')
    } else if text.starts_with('(') {
        ('(', ')')
    } else {
        return None;
    };
    let inner = &text[open.len_utf8()..];
    let end = inner.find(close)?;
    Some(&inner[..end])
}

fn is_bullet(text: &str) -> bool {
    text.starts_with("- ") || text == "-"
}

/// `label：text` lines with a short label.
fn label_line(text: &str) -> Option<(&str, &str)> {
    if is_bullet(text) || text.contains('\t') {
        return None;
    }
    let (label, rest) = text.split_once('：')?;
    let length = label.chars().count();
    ((2..=30).contains(&length)
        && !label.contains('「')
        && !rest.trim().is_empty()
        && find_amounts(text).is_empty())
    .then_some((label, rest))
}

/// If a focus area starts at `index` (heading, bullets/targets, 具体的な取組, items), the index
/// just past it.
fn focus_block(lines: &[(usize, String)], index: usize) -> Option<usize> {
    let (_, head) = lines.get(index)?;
    if is_bullet(head)
        || head == "具体的な取組"
        || head.starts_with('[')
        || label_line(head).is_some()
    {
        return None;
    }
    let mut cursor = index + 1;
    if !lines.get(cursor).is_some_and(|(_, t)| is_bullet(t)) {
        return None;
    }
    while lines
        .get(cursor)
        .is_some_and(|(_, t)| is_bullet(t) || TARGET.is_match(t) && t.starts_with('['))
    {
        cursor += 1;
    }
    if lines.get(cursor).map(|(_, t)| t.as_str()) != Some("具体的な取組") {
        return None;
    }
    cursor += 1;
    while lines.get(cursor).is_some_and(|(_, t)| is_bullet(t)) {
        cursor += 1;
    }
    Some(cursor)
}

fn is_header_row(cell1: &str, cell2: &str) -> bool {
    let short = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.chars().count() <= 20 && !s.contains('<') && !s.contains('・')
    };
    short(cell1) && short(cell2)
}

/// Byte span of a row's title in cell 1: `<p>①title</p>` (circled number), or the first
/// bullet's first sentence when rows have no titles.
fn row_title(cell: &str) -> Option<(usize, usize)> {
    let mut index = 0;
    let bytes_len = cell.len();
    // Skip tags, spaces and bullet marks at the start.
    loop {
        let rest = &cell[index..];
        if rest.starts_with('<') {
            index += rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
        } else if let Some(ch) = rest
            .chars()
            .next()
            .filter(|c| c.is_whitespace() || *c == '・')
        {
            index += ch.len_utf8();
        } else {
            break;
        }
        if index >= bytes_len {
            return None;
        }
    }
    let rest = &cell[index..];
    let first = rest.chars().next()?;
    let circled = ('①'..='⑳').contains(&first);
    let start = if circled {
        let after = index + first.len_utf8();
        after + (cell[after..].len() - cell[after..].trim_start().len())
    } else {
        index
    };
    let body = &cell[start..];
    let mut end = body.len();
    let stops: &[&str] = if circled {
        &["</p>", "<", " ・", "\u{3000}・", " 「", "。"]
    } else {
        &["。", "</p>", "<"]
    };
    for stop in stops {
        if let Some(i) = body.find(stop) {
            end = end.min(i);
        }
    }
    let mut title = body[..end].trim_end();
    if !circled {
        for suffix in ["する", "します", "を行う"] {
            if let Some(stripped) = title.strip_suffix(suffix) {
                title = stripped;
                break;
            }
        }
    }
    if title.trim().is_empty() {
        return None;
    }
    let leading = title.len() - title.trim_start().len();
    Some((start + leading, start + title.len()))
}

fn cap_chars(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

fn after_len(after: &str, chars: usize) -> usize {
    after
        .char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(after.len())
}

/// Simplified-character variants that appear in converted PDFs, folded to their Japanese forms.
fn fold_variants(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '资' => '資',
            '单' => '単',
            '时' => '時',
            '发' => '発',
            other => other,
        })
        .collect()
}

/// A sentence of a line with its byte offset.
struct Sentence<'t> {
    text: &'t str,
}

fn split_sentences(text: &str) -> Vec<Sentence<'_>> {
    text.split_inclusive('。')
        .map(|text| Sentence { text })
        .collect()
}

/// The name of a …基金 ending at `end` in `text`.
fn fund_name_before(text: &str, end: usize) -> Option<String> {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '・' | 'ー')) || is_hiragana(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let name = &head[start..];
    (name.chars().count() >= 4).then(|| name.to_string())
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// Splits a bracket's content on top-level `、`, returning byte ranges.
fn top_level_segments(content: &str) -> Vec<(usize, usize)> {
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, ch) in content.char_indices() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' | ',' if depth == 0 && ch == '、' => {
                segments.push((start, index));
                start = index + ch.len_utf8();
            }
            _ => {}
        }
    }
    segments.push((start, content.len()));
    segments
}

/// Byte offset of the first top-level `：` (or `:`) in `text`.
fn top_level_colon(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, ch) in text.char_indices() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '：' | ':' if depth == 0 => return Some(index),
            _ => {}
        }
    }
    None
}

/// Byte offset of the last parenthesis in `text` that is still open at its end.
fn unmatched_open(text: &str) -> Option<usize> {
    let mut stack = Vec::new();
    for (index, ch) in text.char_indices() {
        match ch {
            '（' | '(' => stack.push(index),
            '）' | ')' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Reads one 【…】 group: programs (`name：`), amounts, their fiscal years and kinds.
/// Returns the hits and the spans (line offsets) of amounts that could not be read.
fn parse_bracket(content: &str, offset: usize) -> (Vec<BracketHit>, Vec<(usize, usize)>) {
    let mut hits: Vec<BracketHit> = Vec::new();
    let mut unread = Vec::new();
    let mut item: Option<(String, usize)> = None;
    let new_flag = detect_qualifiers(content).1.contains(&BudgetFlag::New);
    for (seg_start, seg_end) in top_level_segments(content) {
        let segment = &content[seg_start..seg_end];
        let colon = top_level_colon(segment);
        let amounts: Vec<AmountMatch> = find_amounts(segment)
            .into_iter()
            .filter(|a| colon.is_none_or(|c| a.start > c))
            .collect();
        let Some(first) = amounts.first() else {
            continue;
        };
        let mut parent: Option<String> = None;
        if let Some(colon) = colon {
            let name = segment[..colon].trim();
            let lead = segment[..colon].len() - segment[..colon].trim_start().len();
            item = Some((name.to_string(), offset + seg_start + lead));
        } else if item.is_none() || segment[..first.start].trim().chars().count() > 12 {
            let before = &segment[..first.start];
            let (name, parent_name) = match unmatched_open(before) {
                Some(open) => {
                    let inner = &before[open..];
                    let inner = inner.trim_start_matches(['（', '(']).trim();
                    (&before[..open], Some(inner.to_string()))
                }
                None => (before, None),
            };
            let name = name.trim().trim_end_matches(['：', ':']);
            if name.is_empty() {
                for a in &amounts {
                    unread.push((offset + seg_start + a.start, offset + seg_start + a.end));
                }
                continue;
            }
            let lead = segment.len() - segment.trim_start().len();
            item = Some((name.to_string(), offset + seg_start + lead));
            parent = parent_name.filter(|p| !p.is_empty());
        }
        let Some((item_name, item_start)) = item.clone() else {
            continue;
        };
        for (index, amount) in amounts.iter().enumerate() {
            let next = amounts
                .get(index + 1)
                .map(|a| a.start)
                .unwrap_or(segment.len());
            let after = &segment[amount.end..next];
            let previous = hits
                .last()
                .filter(|h| h.item == item_name)
                .map(|h| (h.figure.fiscal_year, h.figure.kind));
            let rest = &content[seg_start + amount.end..];
            let Some((fiscal_year, kind, group_end)) =
                year_and_kind(segment, amount, after, previous, rest)
            else {
                unread.push((
                    offset + seg_start + amount.start,
                    offset + seg_start + amount.end,
                ));
                continue;
            };
            let enclosing = unmatched_open(&segment[..amount.start])
                .map(|o| &segment[o..amount.start])
                .unwrap_or("");
            let deferred = fold_variants(enclosing).contains("国庫債務負担行為");
            let kind = if deferred { BudgetKind::Other } else { kind };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            figure.inclusive = is_inclusive(after);
            if new_flag {
                figure.flags.insert(BudgetFlag::New);
            }
            let mut extra = Map::new();
            if let Some(parent) = &parent {
                let parent_name = clean_name(parent);
                if !parent_name.is_empty() {
                    extra.insert("parent".into(), Value::String(parent_name));
                }
            }
            if deferred {
                extra.insert("basis".into(), Value::String("国庫債務負担行為".into()));
            }
            if kind == BudgetKind::FiscalInvestment
                && let Some(plan) = financing_plan(segment.get(amount.end..group_end).unwrap_or(""))
            {
                extra.insert("financing".into(), Value::String(plan));
            }
            let label_from = if index == 0 {
                colon.map(|c| c + '：'.len_utf8()).unwrap_or(0)
            } else {
                amounts[index - 1].end
            };
            let label = clean_name(segment.get(label_from..amount.start).unwrap_or(""));
            let label = label.trim_end_matches(['：', ':']).trim();
            if label.ends_with("総額") {
                extra.insert("total".into(), Value::Bool(true));
            } else if !label.is_empty()
                && label.chars().count() <= 12
                && !label.contains("年度")
                && !label.contains(['（', '(', '）', ')'])
            {
                extra.insert("component".into(), Value::String(label.to_string()));
            }
            hits.push(BracketHit {
                item: item_name.clone(),
                item_start,
                amount_end: offset + seg_start + amount.end,
                quote_end: offset + seg_start + group_end,
                figure,
                extra,
            });
        }
    }
    (hits, unread)
}

/// The fiscal year and kind of an amount: the first `（令和N年度kind）` after it, else the
/// previous amount's, else the last year written before it. Also returns the byte offset
/// (in `segment`) where the year's parenthesis closes.
fn year_and_kind(
    segment: &str,
    amount: &AmountMatch,
    after: &str,
    previous: Option<(FiscalYear, BudgetKind)>,
    rest: &str,
) -> Option<(FiscalYear, BudgetKind, usize)> {
    if let Some(found) = find_fiscal_years(after).into_iter().next() {
        let close = after[found.end..]
            .find(['）', ')'])
            .map(|i| {
                let i = found.end + i;
                i + after[i..].chars().next().map(char::len_utf8).unwrap_or(1)
            })
            .unwrap_or(found.end);
        let context = fold_variants(&after[..close]);
        let kind = BudgetKind::detect(&context).or_else(|| previous.map(|p| p.1))?;
        return Some((found.year, kind, amount.end + close));
    }
    if let Some((year, kind)) = previous {
        return Some((year, kind, amount.end));
    }
    if let Some(found) = find_fiscal_years(rest).into_iter().next() {
        let close = rest[found.end..]
            .find(['）', ')'])
            .map(|i| found.end + i)
            .unwrap_or(found.end);
        if let Some(kind) = BudgetKind::detect(&fold_variants(&rest[..close])) {
            return Some((found.year, kind, amount.end));
        }
    }
    let before = &segment[..amount.start];
    let found = find_fiscal_years(before).into_iter().last()?;
    let kind = BudgetKind::detect(&fold_variants(before))?;
    Some((found.year, kind, amount.end))
}

static FINANCING_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"年度\s*([^\s（）()、。]*?計画)").expect("financing pattern"));

/// `（令和8年度財政投融資計画）` → `財政投融資計画`: the financing plan a figure comes from.
fn financing_plan(group: &str) -> Option<String> {
    let folded = fold_variants(group);
    let caps = FINANCING_PLAN.captures(&folded)?;
    Some(clean_name(caps.get(1)?.as_str()))
}

/// `億円の内数`, or `億円（令和7年度補正）の内数`.
fn is_inclusive(after: &str) -> bool {
    let rest = after.trim_start();
    if rest.starts_with("の内数") || rest.starts_with("内数") {
        return true;
    }
    if rest.starts_with(['（', '('])
        && let Some(close) = rest.find(['）', ')'])
    {
        let group = &rest[..close];
        let tail = rest[close..].chars().skip(1).collect::<String>();
        return group.contains("年度") && tail.trim_start().starts_with("の内数");
    }
    false
}

fn budget_quote<'l>(raw: &'l str, hit: &BracketHit) -> &'l str {
    let end = hit.quote_end.max(hit.amount_end).min(raw.len());
    let quote = &raw[hit.item_start.min(end)..end];
    if quote.chars().count() <= 200 {
        return quote;
    }
    let amount_start = raw[..hit.amount_end]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || "億円 ".contains(c)))
        .map(|i| i + raw[i..].chars().next().map(char::len_utf8).unwrap_or(1))
        .unwrap_or(hit.item_start);
    shorten(&raw[amount_start.min(end)..end])
}

fn shorten_around(text: &str, start: usize, end: usize) -> &str {
    let slice = &text[start..end];
    if slice.chars().count() <= 200 {
        return slice;
    }
    let from = slice
        .char_indices()
        .rev()
        .nth(199)
        .map(|(i, _)| start + i)
        .unwrap_or(start);
    &text[from..end]
}

fn budget_name(item: &str, figure: &BudgetFigure) -> String {
    let amount = figure
        .amount_oku
        .map(|a| format!("{}億円", a.normalize()))
        .unwrap_or_else(|| "事項要求".to_string());
    format!(
        "{} {} {} {}",
        item,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        amount
    )
}

/// The item named before an amount on a summary line, with its byte offset.
fn summary_item(before: &str) -> (Option<String>, usize) {
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let bullet_start = if before[line_start..].trim_start().starts_with("- ") {
        line_start
    } else {
        before.rfind("\n- ").map(|i| i + 1).unwrap_or(0)
    };
    let scope = &before[bullet_start..];
    if let Some(colon) = scope.rfind('：') {
        let head = &scope[..colon];
        let name = clean_name(&head.replace('\n', ""));
        let start = bullet_start + head.len() - head.trim_start_matches(['-', ' ']).len();
        return ((!name.is_empty()).then_some(name), start);
    }
    let mut head = before.trim_end_matches(['*', ' ', '(', '（', '\u{3000}']);
    let mut changed = true;
    while changed {
        let next = head
            .trim_end_matches(['*', ' '])
            .trim_end_matches('約')
            .trim_end_matches(['に', 'は', 'で', 'が', 'と', '、', '*', ' ']);
        changed = next != head;
        head = next;
    }
    let start = head
        .rfind(['、', '。', '（', '(', '「', '」', '\n'])
        .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1))
        .unwrap_or(0);
    let phrase = head[start..].trim_start_matches(['-', ' ']);
    let phrase_start = start + (head[start..].len() - phrase.len());
    let mut name = clean_name(phrase);
    for lead in ["特に", "また", "さらに"] {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_string();
        }
    }
    ((!name.is_empty()).then_some(name), phrase_start)
}

fn is_total_word(item: &str) -> bool {
    matches!(item, "合計" | "総額" | "計" | "総計" | "小計")
}

/// The fiscal year and kind a summary line sets for the lines after it (not a comparison).
fn line_default(text: &str) -> Option<(FiscalYear, BudgetKind, String)> {
    if text.contains("比較") || text.contains('\t') {
        return None;
    }
    let year = find_fiscal_years(text).into_iter().next()?;
    let kind = BudgetKind::detect(&fold_variants(text))?;
    let amount = find_amounts(text).into_iter().next()?;
    let (item, _) = summary_item(&text[..amount.start]);
    Some((year.year, kind, item?))
}

fn summary_year_kind(
    item: &str,
    after: &str,
    text: &str,
    default: &Option<(FiscalYear, BudgetKind, String)>,
) -> Option<(FiscalYear, BudgetKind)> {
    let from = |t: &str| -> Option<(FiscalYear, BudgetKind)> {
        let year = find_fiscal_years(t).into_iter().next()?;
        let kind = BudgetKind::detect(&fold_variants(t))?;
        Some((year.year, kind))
    };
    let group = leading_paren(after).unwrap_or("");
    from(item)
        .or_else(|| from(group))
        .or_else(|| from(text).filter(|_| !text.contains("比較")))
        .or_else(|| default.as_ref().map(|d| (d.0, d.1)))
}

/// Canonical spelling for each program: spellings that differ only in spacing/punctuation or
/// in one character are one program, written the way it is most often written.
fn canonical_names<'n>(names: impl Iterator<Item = &'n str>) -> HashMap<String, String> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for name in names {
        let key = loose_key(name);
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => counts.push((key, name.to_string(), 1)),
        }
    }
    let mut group: Vec<usize> = (0..counts.len()).collect();
    for a in 0..counts.len() {
        for b in (a + 1)..counts.len() {
            if one_char_apart(&counts[a].0, &counts[b].0) {
                let (ga, gb) = (group[a], group[b]);
                for g in group.iter_mut() {
                    if *g == gb {
                        *g = ga;
                    }
                }
            }
        }
    }
    let mut result = HashMap::new();
    for (index, (key, _, _)) in counts.iter().enumerate() {
        let best = (0..counts.len())
            .filter(|&j| group[j] == group[index])
            .max_by_key(|&j| (counts[j].2, usize::MAX - j))
            .unwrap_or(index);
        result.insert(key.clone(), counts[best].1.clone());
    }
    result
}

fn one_char_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len() && a.len() >= 8 && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// A table program already carrying the same amount, year and kind as a summary item.
fn match_existing(
    emitted: &[(String, BudgetFigure)],
    item: &str,
    figure: &BudgetFigure,
) -> Option<String> {
    let mut candidates: Vec<&String> = emitted
        .iter()
        .filter(|(_, f)| {
            f.amount_oku == figure.amount_oku
                && f.fiscal_year == figure.fiscal_year
                && f.kind == figure.kind
        })
        .map(|(name, _)| name)
        .collect();
    candidates.sort();
    candidates.dedup();
    let best = candidates
        .iter()
        .map(|name| (bigram_overlap(name, item), *name))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (candidates.len() == 1 || best.0 >= 0.3).then(|| best.1.clone())
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
            title: "テスト計画2040に係る対応状況について".into(),
            publisher: "総務省".into(),
            date: "2030-01".into(),
            kind: DocKind::PlanStatus,
        };
        SeedDoc::from_text(info, text)
    }

    fn budgets(extraction: &Extraction) -> Vec<(String, String, String, String, bool)> {
        extraction
            .nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .map(|n| {
                let p = |k: &str| {
                    n.props
                        .get(k)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                };
                let inclusive = n
                    .props
                    .get("inclusive")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                (
                    p("item"),
                    p("fy"),
                    p("kind"),
                    p("amount_oku_yen"),
                    inclusive,
                )
            })
            .collect()
    }

    const SAMPLE: &str = "テスト計画2040 に係る対応状況について\n\n総務省\n\n\
- 「テスト整備計画2040」及び「テスト展開戦略2040」に基づき取り組む。\n\n\
港湾ネットワーク\n\n- 港湾を結ぶ [2040年頃にシェア30%以上]\n\n具体的な取組\n\n- －港湾の接続を支援\n\n\
テスト整備計画 2 0 4 0 に係る対応状況\n\n\
1-1 港湾ネットワーク\n\n取組の内容\t対応状況\n\
<p>①港湾の接続の推進【再掲】</p> <p>・港湾をつなぐ。</p>\t<p>・採択。 【港湾接続事業：12.5億円（令和 9 年度補正）、3.0億円（令和10年度当初予算案）】※国庫債務負担行為：総額50億円</p> <p>・研究。 【港湾研究基金：40億円（令和8年度補正）の内数】</p>\n\
<p>②港湾の管理</p>\t<p>・相談窓口。 【窓口構築事業の請負（港湾整備事業 7.5億円の内数（令和9年度当初））】 【港湾融資支援：産業投資45億円、政府保証5億円（令和10年度財政投融資計画）】</p>\n\n\
- 令和9年度補正予算は、**500.0億円**\n\
- 港湾を結ぶ\n港湾接続の推進：**12.5億円**\n";

    #[test]
    fn reads_budget_brackets_with_years_kinds_and_inclusive() {
        let d = doc(SAMPLE);
        let e = extract(&d);
        let b = budgets(&e);
        let has = |item: &str, fy: &str, kind: &str, amount: &str, inclusive: bool| {
            b.iter().any(|x| {
                x.0.contains(item) && x.1 == fy && x.2 == kind && x.3 == amount && x.4 == inclusive
            })
        };
        assert!(
            has("港湾接続事業", "R9", "supplementary", "12.5", false),
            "{b:?}"
        );
        assert!(has("港湾接続事業", "R10", "initial", "3.0", false), "{b:?}");
        assert!(has("港湾接続事業", "R10", "other", "50", false), "{b:?}");
        assert!(
            has("港湾研究基金", "R8", "supplementary", "40", true),
            "{b:?}"
        );
        assert!(
            has("窓口構築事業の請負", "R9", "initial", "7.5", true),
            "{b:?}"
        );
        assert!(
            has("港湾融資支援", "R10", "fiscal_investment", "45", false),
            "{b:?}"
        );
        assert!(
            has("港湾融資支援", "R10", "fiscal_investment", "5", false),
            "{b:?}"
        );
        assert!(
            has("補正予算", "R9", "supplementary", "500.0", false),
            "{b:?}"
        );
        // The summary item with the same amount joins the table program.
        let summary = e
            .nodes
            .iter()
            .find(|n| n.name.starts_with("港湾接続事業 R9 supplementary"));
        assert!(summary.is_some_and(|n| n.sources.len() >= 2), "{b:?}");
        assert!(
            e.nodes
                .iter()
                .any(|n| n.node_type == NodeType::Fund && n.name == "港湾研究基金")
        );
        quotes_are_verbatim(&d, &e);
    }

    #[test]
    fn reads_plans_rows_sections_and_targets() {
        let d = doc(SAMPLE);
        let e = extract(&d);
        assert!(has_edge(
            &e,
            "港湾の接続の推進",
            Rel::Implements,
            "テスト整備計画2040"
        ));
        assert!(has_edge(
            &e,
            "港湾の接続の推進",
            Rel::PartOf,
            "港湾ネットワーク"
        ));
        assert!(has_edge(
            &e,
            "港湾の接続の推進",
            Rel::FundedBy,
            "港湾接続事業"
        ));
        assert!(has_edge(
            &e,
            "テスト整備計画2040",
            Rel::Targets,
            "港湾ネットワーク"
        ));
        assert!(has_edge(
            &e,
            "テスト整備計画2040",
            Rel::PartOf,
            "テスト計画2040"
        ));
        assert!(has_edge(
            &e,
            "港湾ネットワーク",
            Rel::EvaluatedBy,
            "シェア30%以上"
        ));
        let indicator = e.nodes.iter().find(|n| n.node_type == NodeType::Indicator);
        assert_eq!(
            indicator
                .and_then(|n| n.props.get("target_year"))
                .and_then(Value::as_str),
            Some("2040")
        );
        let row = e.nodes.iter().find(|n| n.name == "港湾の接続の推進");
        assert_eq!(
            row.and_then(|n| n.props.get("relisted")),
            Some(&Value::Bool(true))
        );
        assert!(
            e.nodes
                .iter()
                .any(|n| n.node_type == NodeType::Measure && n.name == "港湾の接続を支援")
        );
    }

    #[test]
    fn reads_agencies_and_bases() {
        let text = "取組の内容\t対応状況\n\
・検知ソフトを N I C T において開発し、改正テスト法に基づき導入する。\t・外務省やJBIC等の政府系金融機関と連携し支援。株式会社国際協力銀行（JBIC）も参加。情報通信審議会電波委員会の監視作業班において検討。";
        let d = doc(&format!(
            "テスト計画2040 に係る対応状況\n\n(1) 監視\n\n{text}"
        ));
        let e = extract(&d);
        assert!(has_edge(&e, "検知ソフト", Rel::Responsible, "NICT"));
        assert!(has_edge(&e, "検知ソフト", Rel::BasedOn, "改正テスト法"));
        assert!(has_edge(&e, "検知ソフト", Rel::CollaboratesWith, "外務省"));
        assert!(has_edge(
            &e,
            "検知ソフト",
            Rel::CollaboratesWith,
            "国際協力銀行"
        ));
        assert!(has_edge(&e, "監視作業班", Rel::PartOf, "電波委員会"));
        quotes_are_verbatim(&d, &e);
    }

    #[test]
    fn real_seed_is_read() {
        let Ok(corpus) = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")) else {
            return;
        };
        for d in corpus
            .docs
            .iter()
            .filter(|d| d.info.kind == DocKind::PlanStatus)
        {
            let e = extract(d);
            quotes_are_verbatim(d, &e);
            let count = |t: NodeType| e.nodes.iter().filter(|n| n.node_type == t).count();
            assert!(count(NodeType::Budget) >= 40);
            assert!(count(NodeType::Measure) >= 40);
            assert!(count(NodeType::Strategy) >= 3);
            assert!(count(NodeType::Indicator) >= 3);
            assert!(e.edges.iter().filter(|x| x.rel == Rel::Implements).count() >= 40);
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "(\\PC|\\t|\\n|【|】|：|億円|令和|年度|補正|<p>|①|- ){0,200}") {
            let d = doc(&text);
            let e = extract(&d);
            quotes_are_verbatim(&d, &e);
        }
    }
}
