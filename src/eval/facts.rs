//! Scoring an extracted graph against the hand-judged gold facts
//! (`tests/fixtures/gold/<seed>.facts.jsonl`), following the rules of the gold README:
//!
//! - a gold **budget** is found when a budget node has the same amount (exact decimal, or
//!   both absent for 事項要求), fiscal year and kind, and a source in the same document whose
//!   line span reaches the gold line ±[`LINE_TOLERANCE`]; a gold year-on-year difference
//!   (kind `other`, metric 比較増減額) is found as the `change_oku_yen` of a budget node of
//!   that year cited there;
//! - a gold **entity** is found when a node of that type has the name or an alias matching
//!   the gold name or one of its aliases (see [`names_match`]);
//! - a gold **relation** is found when an edge with that `rel` joins nodes whose names match
//!   the subject and the object in the same way.
//!
//! Budget precision counts the extracted budget nodes cited in the documents the gold set
//! covers, and how many of them match some gold budget record.

use crate::corpus::Corpus;
use crate::graph::model::{EdgeDraft, NodeDraft, NodeType, Source};
use crate::money::{FiscalYear, find_amounts, parse_number};
use crate::normalize::nfkc;
use regex::Regex;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A source reaches a gold line when its span comes within this many lines of it.
pub const LINE_TOLERANCE: u32 = 2;

/// Two names match when the Dice coefficient of their character bigrams reaches this value.
pub const BIGRAM_DICE_THRESHOLD: f64 = 0.6;

/// Containment only counts when the contained name has at least this many chars.
pub const MIN_CONTAINMENT_CHARS: usize = 4;

/// Suffix of gold fact files.
const FACTS_SUFFIX: &str = ".facts.jsonl";

/// Errors while loading gold facts.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a valid gold record.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A gold budget record.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldBudget {
    /// Item name as written.
    pub measure: String,
    /// Fiscal year label (`R6`).
    pub fy: String,
    /// Budget kind (`initial`, `supplementary`, `request`, `fiscal_investment`, `other`).
    pub kind: String,
    /// Amount in 億円 as a decimal string; `None` for 事項要求.
    #[serde(default)]
    pub amount_oku: Option<String>,
    /// の内数.
    #[serde(default)]
    pub inclusive: bool,
    /// Flags (new, item_request, relisted, bracketed).
    #[serde(default)]
    pub flags: Vec<String>,
    /// Notes on the record; `metric` names what a figure of kind `other` is.
    #[serde(default)]
    pub props: serde_json::Map<String, Value>,
}

impl GoldBudget {
    /// Whether the record is a year-on-year difference (比較増減額): the graph holds it as the
    /// `change_oku_yen` of the figure it compares, not as a budget of its own.
    pub fn is_change(&self) -> bool {
        self.kind == "other"
            && self
                .props
                .get("metric")
                .and_then(Value::as_str)
                .is_some_and(|metric| metric.contains("増減"))
    }
}

/// A gold entity record.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldEntity {
    /// Node type name (strategy, agency, fund, policy, measure, indicator, program, theme).
    pub entity_type: String,
    /// Name as written.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Option<Vec<String>>,
}

/// A gold relation record.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldRelation {
    /// Subject name.
    pub subject: String,
    /// Relationship name (snake_case).
    pub rel: String,
    /// Object name.
    pub object: String,
}

/// What a gold record states.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum GoldKind {
    /// A budget amount.
    Budget(GoldBudget),
    /// An entity.
    Entity(GoldEntity),
    /// A relation.
    Relation(GoldRelation),
}

/// One gold record with where it stands.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldFact {
    /// The fact.
    #[serde(flatten)]
    pub kind: GoldKind,
    /// Seed file name.
    pub doc: String,
    /// 1-based line.
    pub line: u32,
    /// Quote from the line.
    #[serde(default)]
    pub quote: String,
}

impl GoldFact {
    /// A one-line description for reports.
    pub fn describe(&self) -> String {
        let what = match &self.kind {
            GoldKind::Budget(b) => format!(
                "budget {} {} {} {}{}",
                b.measure,
                b.fy,
                b.kind,
                b.amount_oku.as_deref().unwrap_or("事項要求"),
                if b.inclusive { " (内数)" } else { "" }
            ),
            GoldKind::Entity(e) => format!("entity {} {}", e.entity_type, e.name),
            GoldKind::Relation(r) => format!("relation {} -{}-> {}", r.subject, r.rel, r.object),
        };
        format!("{}:{} {what}", self.doc, self.line)
    }
}

/// The gold facts of a directory.
#[derive(Debug, Clone, Default)]
pub struct GoldSet {
    /// All records, file by file in name order.
    pub facts: Vec<GoldFact>,
    /// Seed files that have a facts file (the documents the gold covers).
    pub docs: BTreeSet<String>,
}

impl GoldSet {
    /// Loads every `*.facts.jsonl` in `dir`.
    pub fn load_dir(dir: &Path) -> Result<GoldSet, GoldError> {
        let read_error = |source| GoldError::Read {
            path: dir.to_path_buf(),
            source,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(read_error)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(FACTS_SUFFIX))
            })
            .collect();
        files.sort();
        let mut set = GoldSet::default();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|source| GoldError::Read {
                path: path.clone(),
                source,
            })?;
            if let Some(doc) = doc_of_facts_file(&path) {
                set.docs.insert(doc);
            }
            set.facts.extend(parse_facts(&path, &text)?);
        }
        Ok(set)
    }

    /// Builds a set from records (the covered documents are those the records cite).
    pub fn from_facts(facts: Vec<GoldFact>) -> GoldSet {
        let docs = facts.iter().map(|f| f.doc.clone()).collect();
        GoldSet { facts, docs }
    }
}

/// `000_x.facts.jsonl` → `000_x.txt`.
fn doc_of_facts_file(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    Some(format!("{}.txt", name.strip_suffix(FACTS_SUFFIX)?))
}

/// Parses JSON lines, skipping blank lines.
pub fn parse_facts(path: &Path, text: &str) -> Result<Vec<GoldFact>, GoldError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|e| GoldError::Record {
                path: path.to_path_buf(),
                line: index + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Gold count and how many were found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Gold records.
    pub gold: usize,
    /// Gold records found in the graph.
    pub found: usize,
}

impl Tally {
    /// found / gold (1.0 when there is no gold record).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    fn add(&mut self, found: bool) {
        self.gold += 1;
        self.found += usize::from(found);
    }

    fn merge(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
    }
}

/// Budget recall and precision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BudgetScore {
    /// Gold budget records and how many were found.
    pub tally: Tally,
    /// Extracted budget nodes cited in the covered documents.
    pub extracted: usize,
    /// Of those, how many match some gold budget record.
    pub extracted_matching: usize,
}

impl BudgetScore {
    /// Recall over the gold budget records.
    pub fn recall(&self) -> f64 {
        self.tally.recall()
    }

    /// extracted_matching / extracted (1.0 when nothing was extracted).
    pub fn precision(&self) -> f64 {
        ratio(self.extracted_matching, self.extracted)
    }
}

/// Scores of one graph against a gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactScores {
    /// Budgets.
    pub budget: BudgetScore,
    /// Entities by entity type.
    pub entities: BTreeMap<String, Tally>,
    /// Relations by rel.
    pub relations: BTreeMap<String, Tally>,
    /// The gold records not found, as one-line descriptions.
    pub missed: Vec<String>,
    /// Extracted budget nodes in covered documents that match no gold record: `id` per node.
    pub unmatched_budgets: Vec<String>,
}

impl FactScores {
    /// All entity types together.
    pub fn entity_total(&self) -> Tally {
        total(self.entities.values())
    }

    /// All relation types together.
    pub fn relation_total(&self) -> Tally {
        total(self.relations.values())
    }

    /// The first `limit` misses and unmatched budget nodes, one per line.
    pub fn misses_report(&self, limit: usize) -> String {
        let mut out = format!("missed ({}):\n", self.missed.len());
        for line in self.missed.iter().take(limit) {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str(&format!(
            "budget nodes matching no gold record ({}):\n",
            self.unmatched_budgets.len()
        ));
        for id in self.unmatched_budgets.iter().take(limit) {
            out.push_str(&format!("  {id}\n"));
        }
        out
    }
}

fn total<'a>(tallies: impl Iterator<Item = &'a Tally>) -> Tally {
    let mut sum = Tally::default();
    for tally in tallies {
        sum.merge(tally);
    }
    sum
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for FactScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, label: &str, t: &Tally| {
            writeln!(
                f,
                "  {label:<20} gold {:>4}  found {:>4}  recall {:>5.1}%",
                t.gold,
                t.found,
                t.recall() * 100.0
            )
        };
        let b = &self.budget;
        writeln!(
            f,
            "budget                 gold {:>4}  found {:>4}  recall {:>5.1}%  precision {:>5.1}% ({}/{} extracted)",
            b.tally.gold,
            b.tally.found,
            b.recall() * 100.0,
            b.precision() * 100.0,
            b.extracted_matching,
            b.extracted
        )?;
        writeln!(f, "entity")?;
        for (name, tally) in &self.entities {
            row(f, name, tally)?;
        }
        row(f, "(all)", &self.entity_total())?;
        writeln!(f, "relation")?;
        for (name, tally) in &self.relations {
            row(f, name, tally)?;
        }
        row(f, "(all)", &self.relation_total())
    }
}

/// Scores a merged graph (ids unique) against the gold set.
pub fn score(gold: &GoldSet, nodes: &[NodeDraft], edges: &[EdgeDraft]) -> FactScores {
    let graph = IndexedGraph::new(nodes);
    let budgets: Vec<(&GoldFact, &GoldBudget)> = gold
        .facts
        .iter()
        .filter_map(|f| match &f.kind {
            GoldKind::Budget(b) => Some((f, b)),
            _ => None,
        })
        .collect();
    let mut scores = FactScores::default();
    for (fact, budget) in &budgets {
        let found = graph
            .budgets
            .iter()
            .any(|n| budget_matches(n, fact, budget));
        scores.budget.tally.add(found);
        if !found {
            scores.missed.push(fact.describe());
        }
    }
    score_precision(&graph, &budgets, &mut scores);
    let mut matcher = NameIndex::new(&graph);
    for fact in &gold.facts {
        match &fact.kind {
            GoldKind::Entity(entity) => {
                let found = matcher.entity_found(entity);
                scores
                    .entities
                    .entry(entity.entity_type.clone())
                    .or_default()
                    .add(found);
                if !found {
                    scores.missed.push(fact.describe());
                }
            }
            GoldKind::Relation(relation) => {
                let found = matcher.relation_found(relation, edges);
                scores
                    .relations
                    .entry(relation.rel.clone())
                    .or_default()
                    .add(found);
                if !found {
                    scores.missed.push(fact.describe());
                }
            }
            GoldKind::Budget(_) => {}
        }
    }
    scores
}

/// Precision where the gold speaks. The dev gold samples figures (often one of several on a
/// line, and long lines hold several items), so an extracted budget node is judged when one
/// of its sources cites a line holding a gold record of the same item, fiscal year and kind:
/// it is correct when it matches a gold record (amount, fiscal year, kind, line ±2), wrong
/// otherwise.
fn score_precision(
    graph: &IndexedGraph<'_>,
    budgets: &[(&GoldFact, &GoldBudget)],
    scores: &mut FactScores,
) {
    for node in &graph.budgets {
        let judged = node.node.sources.iter().any(|s| {
            budgets.iter().any(|(f, b)| {
                s.doc == f.doc
                    && s.line_start <= f.line
                    && f.line <= s.line_end
                    && FiscalYear::parse_label(&b.fy) == node.year
                    && Some(&b.kind) == node.kind.as_ref()
                    && names_match(&b.measure, budget_item_name(node.node))
            })
        });
        if !judged {
            continue;
        }
        scores.budget.extracted += 1;
        if budgets.iter().any(|(f, b)| budget_matches(node, f, b)) {
            scores.budget.extracted_matching += 1;
        } else {
            scores.unmatched_budgets.push(node.node.id.clone());
        }
    }
}

/// The item a budget node is for: its `item` property, else its name.
fn budget_item_name(node: &NodeDraft) -> &str {
    node.props
        .get("item")
        .and_then(Value::as_str)
        .unwrap_or(node.name.as_str())
}

/// A budget node with its figure read from the props.
struct BudgetNode<'a> {
    node: &'a NodeDraft,
    /// `Some(None)` = amount explicitly absent (事項要求); `None` = unreadable.
    amount: Option<Option<Decimal>>,
    year: Option<FiscalYear>,
    kind: Option<String>,
    /// `change_oku_yen`: the difference from the figure it is compared with.
    change: Option<Decimal>,
}

impl<'a> BudgetNode<'a> {
    fn new(node: &'a NodeDraft) -> BudgetNode<'a> {
        let props = &node.props;
        let amount = props
            .get("amount_oku")
            .or_else(|| props.get("amount_oku_yen"))
            .and_then(amount_value);
        let year = props
            .get("fy")
            .or_else(|| props.get("fiscal_year"))
            .and_then(|v| match v {
                Value::String(s) => FiscalYear::parse_label(s),
                Value::Number(n) => n
                    .as_u64()
                    .and_then(|y| u16::try_from(y).ok())
                    .map(FiscalYear),
                _ => None,
            });
        let kind = props
            .get("kind")
            .and_then(Value::as_str)
            .map(str::to_string);
        let change = props.get("change_oku_yen").and_then(amount_value).flatten();
        BudgetNode {
            node,
            amount,
            year,
            kind,
            change,
        }
    }
}

/// Reads an amount prop: a decimal string or number, or null for "no amount".
fn amount_value(value: &Value) -> Option<Option<Decimal>> {
    match value {
        Value::Null => Some(None),
        Value::String(s) => s.trim().parse::<Decimal>().ok().map(Some),
        Value::Number(n) => n.to_string().parse::<Decimal>().ok().map(Some),
        _ => None,
    }
}

fn budget_matches(node: &BudgetNode<'_>, fact: &GoldFact, gold: &GoldBudget) -> bool {
    let gold_amount = match &gold.amount_oku {
        None => None,
        Some(text) => match text.trim().parse::<Decimal>() {
            Ok(amount) => Some(amount),
            Err(_) => return false,
        },
    };
    let amount_matches = if gold.is_change() {
        gold_amount.is_some() && node.change == gold_amount
    } else {
        node.amount == Some(gold_amount) && node.kind.as_deref() == Some(gold.kind.as_str())
    };
    amount_matches
        && node.year.is_some()
        && node.year == FiscalYear::parse_label(&gold.fy)
        && node
            .node
            .sources
            .iter()
            .any(|s| reaches_line(s, &fact.doc, fact.line))
}

/// Whether a source in `doc` spans `line` ± [`LINE_TOLERANCE`].
pub fn reaches_line(source: &Source, doc: &str, line: u32) -> bool {
    source.doc == doc
        && source.line_start <= line.saturating_add(LINE_TOLERANCE)
        && source.line_end.saturating_add(LINE_TOLERANCE) >= line
}

/// The graph's nodes prepared for matching.
struct IndexedGraph<'a> {
    budgets: Vec<BudgetNode<'a>>,
    /// Per node: id, type, and the comparison keys of its name and aliases.
    named: Vec<(&'a str, NodeType, Vec<NameKey>)>,
}

impl<'a> IndexedGraph<'a> {
    fn new(nodes: &'a [NodeDraft]) -> IndexedGraph<'a> {
        let budgets = nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .map(BudgetNode::new)
            .collect();
        let named = nodes
            .iter()
            .filter(|n| n.node_type != NodeType::Budget)
            .map(|n| {
                let keys = std::iter::once(&n.name)
                    .chain(n.aliases.iter())
                    .map(|s| NameKey::new(s))
                    .filter(|k| !k.chars.is_empty())
                    .collect();
                (n.id.as_str(), n.node_type, keys)
            })
            .collect();
        IndexedGraph { budgets, named }
    }
}

/// Memoised name → matching node ids.
struct NameIndex<'g, 'a> {
    graph: &'g IndexedGraph<'a>,
    cache: HashMap<String, HashSet<&'a str>>,
}

impl<'g, 'a> NameIndex<'g, 'a> {
    fn new(graph: &'g IndexedGraph<'a>) -> NameIndex<'g, 'a> {
        NameIndex {
            graph,
            cache: HashMap::new(),
        }
    }

    /// Ids of the nodes (any type) with a name or alias matching `name`.
    fn nodes_named(&mut self, name: &str) -> &HashSet<&'a str> {
        let graph = self.graph;
        self.cache.entry(name.to_string()).or_insert_with(|| {
            let key = NameKey::new(name);
            graph
                .named
                .iter()
                .filter(|(_, _, keys)| keys.iter().any(|k| k.matches(&key)))
                .map(|(id, _, _)| *id)
                .collect()
        })
    }

    fn entity_found(&mut self, entity: &GoldEntity) -> bool {
        let Some(wanted) = NodeType::parse(&entity.entity_type) else {
            return false;
        };
        let types: HashMap<&str, NodeType> = self
            .graph
            .named
            .iter()
            .map(|(id, t, _)| (*id, *t))
            .collect();
        let names = std::iter::once(&entity.name).chain(entity.aliases.iter().flatten());
        for name in names {
            if self
                .nodes_named(name)
                .iter()
                .any(|id| types.get(id) == Some(&wanted))
            {
                return true;
            }
        }
        false
    }

    fn relation_found(&mut self, relation: &GoldRelation, edges: &[EdgeDraft]) -> bool {
        let subjects = self.nodes_named(&relation.subject).clone();
        let objects = self.nodes_named(&relation.object);
        edges.iter().any(|e| {
            e.rel.as_str() == relation.rel
                && subjects.contains(e.from.as_str())
                && objects.contains(e.to.as_str())
        })
    }
}

/// A name prepared for comparison: NFKC, lower case, letters and digits only.
#[derive(Debug, Clone, PartialEq)]
struct NameKey {
    chars: String,
    bigrams: Vec<(char, char)>,
}

impl NameKey {
    fn new(name: &str) -> NameKey {
        let chars: String = nfkc(name)
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect();
        let list: Vec<char> = chars.chars().collect();
        let mut bigrams: Vec<(char, char)> = list.windows(2).map(|w| (w[0], w[1])).collect();
        bigrams.sort_unstable();
        NameKey { chars, bigrams }
    }

    fn matches(&self, other: &NameKey) -> bool {
        if self.chars.is_empty() || other.chars.is_empty() {
            return false;
        }
        if self.chars == other.chars {
            return true;
        }
        let (short, long) = if self.chars.len() <= other.chars.len() {
            (self, other)
        } else {
            (other, self)
        };
        if short.chars.chars().count() >= MIN_CONTAINMENT_CHARS && long.chars.contains(&short.chars)
        {
            return true;
        }
        dice(&self.bigrams, &other.bigrams) >= BIGRAM_DICE_THRESHOLD
    }
}

/// Dice coefficient of two sorted bigram multisets.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether two names match under the gold rules: after NFKC, ignoring case, spaces and
/// punctuation, they are equal, one contains the other (at least [`MIN_CONTAINMENT_CHARS`]
/// chars), or their character bigrams overlap with Dice ≥ [`BIGRAM_DICE_THRESHOLD`].
pub fn names_match(a: &str, b: &str) -> bool {
    NameKey::new(a).matches(&NameKey::new(b))
}

/// How a budget node's amount appears in the lines it cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountCitation {
    /// The amount stands with its unit (`1,500.0億円`, `300百万円`, `19.3兆円`).
    WithUnit,
    /// Only a bare number equal to the amount stands there, in 億円 or in the `unit` the node
    /// records (tables whose unit is in a header or unit line, `2.6 (2.2)`).
    BareNumber,
    /// The amount is not in any cited line.
    Missing,
    /// The node has no amount (事項要求) or no readable amount.
    NoAmount,
}

static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[▲△]\s*)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
        .expect("bare number pattern")
});

/// Where a budget node's amount appears in its cited lines (after NFKC).
pub fn amount_citation(node: &NodeDraft, corpus: &Corpus) -> AmountCitation {
    let Some(Some(amount)) = BudgetNode::new(node).amount else {
        return AmountCitation::NoAmount;
    };
    let cited: Vec<String> = node
        .sources
        .iter()
        .filter_map(|s| cited_text(s, corpus))
        .collect();
    if cited
        .iter()
        .any(|text| find_amounts(text).iter().any(|m| m.oku == amount))
    {
        return AmountCitation::WithUnit;
    }
    let unit = node.props.get("unit").and_then(Value::as_str);
    let in_oku = |number: Decimal| match unit {
        Some(unit) => crate::money::to_oku(number, unit),
        None => Some(number),
    };
    let bare = cited.iter().any(|text| {
        BARE_NUMBER
            .find_iter(text)
            .any(|m| parse_number(m.as_str()).and_then(in_oku) == Some(amount))
    });
    if bare {
        AmountCitation::BareNumber
    } else {
        AmountCitation::Missing
    }
}

/// The NFKC text of a source's lines joined with `\n`, figures set in kanji digits written
/// in digits (`五、九八七、〇〇〇` → `5,987,000`) as the extraction reads them.
fn cited_text(source: &Source, corpus: &Corpus) -> Option<String> {
    let doc = corpus.doc(&source.doc)?;
    let lines: Vec<std::borrow::Cow<'_, str>> = (source.line_start
        ..=source.line_end.max(source.line_start))
        .map(|l| crate::extract::kanji_figures::in_digits(doc.line(l)))
        .collect();
    Some(nfkc(&lines.join("\n")))
}

/// For every budget node, whether its amount appears in one of its cited lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AmountCheck {
    /// Budget nodes with an amount.
    pub checked: usize,
    /// Amount written with its unit in a cited line.
    pub with_unit: usize,
    /// Amount only as a bare number.
    pub bare_number: usize,
    /// Ids of the nodes whose amount is not in any cited line.
    pub missing: Vec<String>,
    /// Budget nodes without an amount.
    pub no_amount: usize,
}

impl fmt::Display for AmountCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "amounts in cited lines: {} checked, {} with unit, {} bare number, {} missing, {} without amount",
            self.checked,
            self.with_unit,
            self.bare_number,
            self.missing.len(),
            self.no_amount
        )
    }
}

/// Checks every budget node of a graph with [`amount_citation`].
pub fn amount_in_cited_line(nodes: &[NodeDraft], corpus: &Corpus) -> AmountCheck {
    let mut check = AmountCheck::default();
    for node in nodes.iter().filter(|n| n.node_type == NodeType::Budget) {
        match amount_citation(node, corpus) {
            AmountCitation::NoAmount => check.no_amount += 1,
            found => {
                check.checked += 1;
                match found {
                    AmountCitation::WithUnit => check.with_unit += 1,
                    AmountCitation::BareNumber => check.bare_number += 1,
                    _ => check.missing.push(node.id.clone()),
                }
            }
        }
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocKind, DocumentInfo, SeedDoc};
    use crate::graph::model::{Rel, node_id};
    use serde_json::json;

    const DOC: &str = "a.txt";

    fn source(line: u32, quote: &str) -> Source {
        Source {
            doc: DOC.into(),
            line_start: line,
            line_end: line,
            quote: quote.into(),
        }
    }

    fn budget_node(item: &str, fy: &str, kind: &str, amount: Option<&str>, line: u32) -> NodeDraft {
        let name = format!("{item} {fy} {kind} {}", amount.unwrap_or("事項要求"));
        NodeDraft::new(NodeType::Budget, &name, source(line, "x"))
            .with_prop(
                "amount_oku_yen",
                amount.map(Value::from).unwrap_or(Value::Null),
            )
            .with_prop("fy", fy)
            .with_prop("kind", kind)
            .with_prop("item", item)
    }

    fn gold(lines: &[Value]) -> GoldSet {
        let text: Vec<String> = lines.iter().map(Value::to_string).collect();
        GoldSet::from_facts(
            parse_facts(Path::new("t.facts.jsonl"), &text.join("\n")).expect("gold parses"),
        )
    }

    fn gold_budget(fy: &str, kind: &str, amount: Option<&str>, line: u32) -> Value {
        json!({"type": "budget", "measure": "事業", "fy": fy, "kind": kind,
               "amount_oku": amount, "inclusive": false, "doc": DOC, "line": line, "quote": "q"})
    }

    #[test]
    fn budget_hit_miss_wrong_year_kind_and_line() {
        let gold = gold(&[
            gold_budget("R8", "request", Some("3.7"), 82),
            gold_budget("R6", "supplementary", Some("1.5"), 82),
            gold_budget("R7", "initial", Some("2.5"), 82),
            gold_budget("R8", "request", None, 100),
            gold_budget("R5", "initial", Some("9.9"), 200),
        ]);
        let nodes = vec![
            budget_node("事業", "R8", "request", Some("3.70"), 84),
            budget_node("事業", "R7", "supplementary", Some("1.5"), 82),
            budget_node("事業", "R7", "initial", Some("2.5"), 85),
            budget_node("事業", "R8", "request", None, 99),
            budget_node("事業", "R6", "initial", Some("9.9"), 200),
        ];
        let scores = score(&gold, &nodes, &[]);
        assert_eq!(scores.budget.tally, Tally { gold: 5, found: 2 });
        assert_eq!(scores.missed.len(), 3);
    }

    #[test]
    fn year_on_year_differences_are_found_as_changes_of_the_compared_figure() {
        let difference = json!({"type": "budget", "measure": "事業", "fy": "R6", "kind": "other",
            "amount_oku": "-390", "inclusive": false, "props": {"metric": "比較増減額 (A-B)"},
            "doc": DOC, "line": 19, "quote": "q"});
        let gold = gold(&[difference]);
        let compared = budget_node("事業", "R6", "initial", Some("4244"), 19);
        assert_eq!(
            score(&gold, std::slice::from_ref(&compared), &[])
                .budget
                .tally
                .found,
            0
        );
        let with_change = compared.with_prop("change_oku_yen", "-390");
        assert_eq!(score(&gold, &[with_change], &[]).budget.tally.found, 1);
        let as_budget = budget_node("事業", "R6", "other", Some("-390"), 19);
        assert_eq!(
            score(&gold, &[as_budget], &[]).budget.tally.found,
            0,
            "a change is not a budget"
        );
    }

    #[test]
    fn precision_judges_figures_where_gold_names_the_same_item_year_and_kind() {
        let gold = gold(&[
            gold_budget("R8", "request", Some("3.7"), 82),
            gold_budget("R6", "supplementary", Some("1.5"), 82),
        ]);
        let nodes = vec![
            budget_node("事業", "R8", "request", Some("3.7"), 82),
            budget_node("事業", "R6", "supplementary", Some("9.0"), 82),
            budget_node("別の取組", "R6", "supplementary", Some("5.0"), 82),
            budget_node("事業", "R7", "initial", Some("2.5"), 82),
        ];
        let scores = score(&gold, &nodes, &[]);
        assert_eq!(scores.budget.extracted, 2);
        assert_eq!(scores.budget.extracted_matching, 1);
        assert!((scores.budget.precision() - 0.5).abs() < 1e-9);
        assert_eq!(scores.unmatched_budgets.len(), 1);
    }

    #[test]
    fn budgets_outside_covered_docs_do_not_count_against_precision() {
        let gold = gold(&[gold_budget("R8", "request", Some("1.0"), 5)]);
        let mut elsewhere = budget_node("事業", "R8", "request", Some("7.0"), 5);
        elsewhere.sources[0].doc = "other.txt".into();
        let scores = score(&gold, &[elsewhere], &[]);
        assert_eq!(scores.budget.extracted, 0);
        assert_eq!(scores.budget.precision(), 1.0);
        assert_eq!(scores.budget.recall(), 0.0);
    }

    fn entity(entity_type: &str, name: &str, aliases: &[&str]) -> Value {
        json!({"type": "entity", "entity_type": entity_type, "name": name,
               "aliases": aliases, "doc": DOC, "line": 1, "quote": "q"})
    }

    fn node(node_type: NodeType, name: &str, aliases: &[&str]) -> NodeDraft {
        let mut node = NodeDraft::new(node_type, name, source(1, name));
        node.aliases = aliases.iter().map(|a| a.to_string()).collect();
        node
    }

    #[test]
    fn entity_names_match_by_normalisation_containment_alias_and_bigrams() {
        let gold = gold(&[
            entity("theme", "オール光ネットワーク（APN）", &[]),
            entity("agency", "国立研究開発法人情報通信研究機構", &["NICT"]),
            entity("strategy", "DX・イノベーション加速化プラン2030", &[]),
            entity("fund", "宇宙戦略基金", &[]),
            entity("agency", "JICT", &[]),
            entity("strategy", "統合イノベーション戦略2025", &[]),
        ]);
        let nodes = vec![
            node(NodeType::Theme, "オール光ネットワーク", &["APN"]),
            node(NodeType::Agency, "情報通信研究機構", &[]),
            node(
                NodeType::Strategy,
                "ＤＸイノベーション加速化プラン　2030",
                &[],
            ),
            node(NodeType::Theme, "宇宙戦略基金", &[]),
            node(
                NodeType::Agency,
                "海外通信・放送・郵便事業支援機構",
                &["ＪＩＣＴ"],
            ),
            node(NodeType::Strategy, "統合イノベーション戦略2023", &[]),
        ];
        let scores = score(&gold, &nodes, &[]);
        assert_eq!(scores.entities["theme"], Tally { gold: 1, found: 1 });
        assert_eq!(scores.entities["agency"], Tally { gold: 2, found: 2 });
        assert_eq!(
            scores.entities["fund"],
            Tally { gold: 1, found: 0 },
            "wrong type"
        );
        assert_eq!(
            scores.entities["strategy"].found, 2,
            "near-identical names match"
        );
        assert_eq!(scores.entity_total(), Tally { gold: 6, found: 5 });
    }

    #[test]
    fn name_matching_rules() {
        assert!(names_match("Beyond 5G（6G）", "beyond5g(6g)"));
        assert!(names_match("総務省国際戦略局技術政策課", "技術政策課"));
        assert!(!names_match("AI", "A"));
        assert!(
            !names_match("総務省", "総務省所管予算"),
            "no containment under 4 chars"
        );
        assert!(names_match("情報通信", "情報通信研究機構"));
        assert!(!names_match("量子暗号通信", "海底ケーブル"));
        assert!(!names_match("", ""));
        assert!(!names_match("・", "・"));
        assert!(names_match(
            "地域おこし協力隊の推進に要する経費",
            "地域おこし協力隊の推進経費"
        ));
    }

    fn relation(subject: &str, rel: &str, object: &str) -> Value {
        json!({"type": "relation", "subject": subject, "subject_type": "agency", "rel": rel,
               "object": object, "object_type": "agency", "doc": DOC, "line": 6, "quote": "q"})
    }

    #[test]
    fn relations_need_the_rel_and_both_names() {
        let gold = gold(&[
            relation("技術政策課", "part_of", "国際戦略局"),
            relation("国際戦略局", "part_of", "総務省"),
            relation("消防庁", "part_of", "総務省"),
            relation("NICT", "responsible", "総務省"),
        ]);
        let nodes = vec![
            node(NodeType::Agency, "国際戦略局技術政策課", &[]),
            node(NodeType::Agency, "国際戦略局", &[]),
            node(NodeType::Agency, "総務省", &["MIC"]),
            node(
                NodeType::Agency,
                "国立研究開発法人情報通信研究機構",
                &["NICT"],
            ),
        ];
        let id = |t, n| node_id(t, n);
        let edges = vec![
            EdgeDraft::new(
                &id(NodeType::Agency, "国際戦略局技術政策課"),
                Rel::PartOf,
                &id(NodeType::Agency, "国際戦略局"),
                source(6, "x"),
            ),
            EdgeDraft::new(
                &id(NodeType::Agency, "総務省"),
                Rel::PartOf,
                &id(NodeType::Agency, "国際戦略局"),
                source(6, "x"),
            ),
            EdgeDraft::new(
                &id(NodeType::Agency, "国立研究開発法人情報通信研究機構"),
                Rel::PartOf,
                &id(NodeType::Agency, "総務省"),
                source(6, "x"),
            ),
        ];
        let scores = score(&gold, &nodes, &edges);
        assert_eq!(scores.relations["part_of"], Tally { gold: 3, found: 1 });
        assert_eq!(scores.relations["responsible"], Tally { gold: 1, found: 0 });
        let report = scores.to_string();
        assert!(report.contains("part_of"), "{report}");
        assert!(scores.misses_report(10).contains("消防庁"));
    }

    fn corpus(text: &str) -> Corpus {
        let info = DocumentInfo {
            file: DOC.into(),
            title: "t".into(),
            publisher: "p".into(),
            date: "2025".into(),
            kind: DocKind::BudgetRequest,
        };
        Corpus {
            docs: vec![SeedDoc::from_text(info, text)],
            content_hash: String::new(),
            library: Default::default(),
            seeds: Default::default(),
        }
    }

    #[test]
    fn amounts_are_checked_in_cited_lines() {
        let corpus = corpus(
            "【予算】事業\n1,500.0億円（６年度補正 ３００百万円）\n(1) 項目 2.6 (2.2)\n19.3兆円",
        );
        let at = |amount: &str, line: u32| budget_node("事業", "R8", "request", Some(amount), line);
        assert_eq!(
            amount_citation(&at("1500", 2), &corpus),
            AmountCitation::WithUnit
        );
        assert_eq!(
            amount_citation(&at("3.0", 2), &corpus),
            AmountCitation::WithUnit
        );
        assert_eq!(
            amount_citation(&at("2.2", 3), &corpus),
            AmountCitation::BareNumber
        );
        assert_eq!(
            amount_citation(&at("193000", 4), &corpus),
            AmountCitation::WithUnit
        );
        assert_eq!(
            amount_citation(&at("1500", 1), &corpus),
            AmountCitation::Missing
        );
        let in_millions = at("0.026", 3).with_prop("unit", "百万円");
        assert_eq!(
            amount_citation(&in_millions, &corpus),
            AmountCitation::BareNumber,
            "a bare number is read in the unit its table states"
        );
        let none = budget_node("事業", "R8", "request", None, 1);
        assert_eq!(amount_citation(&none, &corpus), AmountCitation::NoAmount);
        let check = amount_in_cited_line(&[at("1500", 2), at("9.9", 2), none], &corpus);
        assert_eq!(
            (check.checked, check.with_unit, check.missing.len()),
            (2, 1, 1)
        );
        assert!(check.to_string().contains("1 missing"));
    }

    #[test]
    fn real_gold_files_load() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
        let Ok(set) = GoldSet::load_dir(&dir) else {
            return;
        };
        assert_eq!(set.docs.len(), 5);
        assert!(
            set.facts
                .iter()
                .any(|f| matches!(f.kind, GoldKind::Budget(_)))
        );
        let empty = score(&set, &[], &[]);
        assert_eq!(empty.budget.tally.found, 0);
        assert!(empty.budget.tally.gold > 400);
        println!("{empty}");
    }

    #[test]
    fn bad_records_report_their_line() {
        let err = parse_facts(Path::new("x.facts.jsonl"), "\n{\"type\": \"budget\"}\n");
        assert!(matches!(err, Err(GoldError::Record { line: 2, .. })));
    }
}
