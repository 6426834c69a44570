//! Japanese answers composed only from cited facts and passages.

use super::intent::{Intent, Reading};
use super::{Fact, FollowUp, node_ref};
use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, Rel};
use crate::search::Hit;
use serde_json::Value;
use std::collections::{BTreeSet, VecDeque};

/// Longest quote taken from a passage, in chars.
const QUOTE_CHARS: usize = 160;

fn prop<'a>(node: &'a NodeDraft, key: &str) -> Option<&'a str> {
    node.props.get(key).and_then(Value::as_str)
}

/// `R8` → `令和8年度`.
fn fiscal_year_japanese(label: &str) -> String {
    match label.strip_prefix('R') {
        Some(n) => format!("令和{n}年度"),
        None => match label.strip_prefix('H') {
            Some(n) => format!("平成{n}年度"),
            None => label.to_string(),
        },
    }
}

fn kind_japanese(kind: &str) -> &'static str {
    match kind {
        "initial" => "当初予算",
        "supplementary" => "補正予算",
        "request" => "概算要求",
        "fiscal_investment" => "財政投融資",
        _ => "関連額",
    }
}

fn source_note(engine: &Engine, node_sources: &[crate::graph::model::Source]) -> String {
    match node_sources.first() {
        Some(s) => format!(
            "（出典: {}、{}行目）",
            engine.doc_title(&s.doc),
            s.line_start
        ),
        None => String::new(),
    }
}

/// The budget facts of `subject`, newest year first, narrowed to the year and kind the
/// question names when it names them.
pub fn budget_facts(
    engine: &Engine,
    subject: &NodeDraft,
    budgets: Vec<&NodeDraft>,
    reading: &Reading,
    limit: usize,
) -> Vec<Fact> {
    let wanted = |node: &&NodeDraft| {
        let year_ok = reading
            .fiscal_year
            .is_none_or(|y| prop(node, "fy") == Some(y.label().as_str()));
        let kind_ok = reading
            .kind
            .is_none_or(|k| prop(node, "kind") == Some(k.as_str()));
        year_ok && kind_ok
    };
    let narrowed: Vec<&NodeDraft> = budgets.iter().copied().filter(wanted).collect();
    let mut chosen = if narrowed.is_empty() {
        budgets
    } else {
        narrowed
    };
    chosen.sort_by_key(|b| {
        std::cmp::Reverse(
            b.props
                .get("fiscal_year")
                .and_then(Value::as_u64)
                .unwrap_or(0),
        )
    });
    let mut seen = BTreeSet::new();
    chosen
        .into_iter()
        .filter(|b| seen.insert(b.id.clone()))
        .take(limit)
        .map(|budget| budget_fact(engine, subject, budget))
        .collect()
}

fn budget_fact(engine: &Engine, subject: &NodeDraft, budget: &NodeDraft) -> Fact {
    let item = prop(budget, "item").unwrap_or(&subject.name).to_string();
    let fy = prop(budget, "fy").unwrap_or("").to_string();
    let kind = prop(budget, "kind").unwrap_or("other").to_string();
    let amount = prop(budget, "amount_oku_yen").map(str::to_string);
    let inclusive = budget
        .props
        .get("inclusive")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let flags: Vec<&str> = budget
        .props
        .get("flags")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let figure = match &amount {
        None => "事項要求（金額は示されていません）".to_string(),
        Some(a) if inclusive => format!(
            "{a}億円の内数（この額はより大きな予算全体の額で、この事業だけの額ではありません）"
        ),
        Some(a) => format!("{a}億円"),
    };
    let mut qualifiers = Vec::new();
    if flags.contains(&"new") {
        qualifiers.push("新規");
    }
    if flags.contains(&"relisted") {
        qualifiers.push("再掲");
    }
    let qualifier_text = if qualifiers.is_empty() {
        String::new()
    } else {
        format!("（{}）", qualifiers.join("・"))
    };
    let text = format!(
        "「{item}」: {}{} {figure}{qualifier_text}{}",
        fiscal_year_japanese(&fy),
        kind_japanese(&kind),
        source_note(engine, &budget.sources)
    );
    Fact {
        kind: "budget".into(),
        subject: node_ref(subject),
        object: node_ref(budget),
        text,
        amount_oku_yen: amount,
        fy: Some(fy),
        budget_kind: Some(kind),
        inclusive: Some(inclusive),
        sources: budget.sources.clone(),
    }
}

fn relation_phrase(rel: Rel) -> &'static str {
    match rel {
        Rel::Responsible => "の担当は",
        Rel::CollaboratesWith => "の連携先は",
        Rel::Implements => "が取り組む戦略・計画・テーマは",
        Rel::BasedOn => "の根拠は",
        Rel::EvaluatedBy => "の指標は",
        Rel::Targets => "の目標は",
        _ => "に関係するのは",
    }
}

/// Facts from `subject`'s outgoing edges of `rels`, its own first, then its parents'.
pub fn link_facts(engine: &Engine, subject: &NodeDraft, rels: &[Rel], limit: usize) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut queue = VecDeque::from([subject.id.clone()]);
    let mut visited = BTreeSet::from([subject.id.clone()]);
    let mut stated = BTreeSet::new();
    while let Some(current) = queue.pop_front() {
        let Some(holder) = engine.graph.node(&current) else {
            continue;
        };
        for (direction, edge) in engine.graph.edges_of(&current) {
            if direction != EdgeDirection::Out {
                continue;
            }
            if edge.rel == Rel::PartOf && visited.insert(edge.to.clone()) {
                queue.push_back(edge.to.clone());
            }
            if !rels.contains(&edge.rel) || !stated.insert((edge.rel, edge.to.clone())) {
                continue;
            }
            let Some(object) = engine.graph.node(&edge.to) else {
                continue;
            };
            let mut text = format!(
                "「{}」{}「{}」です",
                holder.name,
                relation_phrase(edge.rel),
                object.name
            );
            if let Some(target) = prop(object, "target").or_else(|| prop(object, "target_value")) {
                text.push_str(&format!("（目標: {target}"));
                if let Some(year) = prop(object, "target_year") {
                    text.push_str(&format!("、{year}"));
                }
                text.push('）');
            }
            text.push_str(&source_note(engine, &edge.sources));
            facts.push(Fact {
                kind: edge.rel.as_str().to_string(),
                subject: node_ref(holder),
                object: node_ref(object),
                text,
                amount_oku_yen: None,
                fy: None,
                budget_kind: None,
                inclusive: None,
                sources: edge.sources.clone(),
            });
        }
        if facts.len() >= limit {
            break;
        }
    }
    facts.truncate(limit);
    facts
}

/// The answer text for graph facts.
pub fn graph_answer(
    engine: &Engine,
    subject: &NodeDraft,
    reading: &Reading,
    facts: &[Fact],
) -> String {
    let _ = engine;
    let lead = match reading.intent {
        Intent::Budget => format!("「{}」の予算は次のとおりです。", subject.name),
        Intent::Responsibility => format!("「{}」の担当は次のとおりです。", subject.name),
        Intent::Strategy => format!("「{}」に関係する戦略・計画は次のとおりです。", subject.name),
        Intent::Indicator => format!("「{}」の指標・目標は次のとおりです。", subject.name),
        Intent::Lookup => String::new(),
    };
    let mut lines = vec![lead];
    lines.extend(facts.iter().map(|f| format!("・{}", f.text)));
    lines.join("\n")
}

/// A quote from a passage that stands in its first line.
pub fn passage_quote(hit: &Hit) -> String {
    let first_line = hit.text.lines().next().unwrap_or("");
    first_line.chars().take(QUOTE_CHARS).collect()
}

/// The answer text for a passage.
pub fn passage_answer(hit: &Hit) -> String {
    format!(
        "「{}」{}行目に次の記載があります: 「{}」",
        hit.doc_title,
        hit.line_start,
        passage_quote(hit)
    )
}

/// A question about `node` with the same intent, for choices.
pub fn question_about(node: &NodeDraft, intent: Intent) -> String {
    match intent {
        Intent::Budget => format!("{}の予算はいくら?", node.name),
        Intent::Responsibility => format!("{}の担当はどこ?", node.name),
        Intent::Strategy => format!("{}はどの計画の取組?", node.name),
        Intent::Indicator => format!("{}の目標は?", node.name),
        Intent::Lookup => node.name.clone(),
    }
}

/// Other questions worth offering about `node`.
pub fn next_questions(node: &NodeDraft, answered: Intent) -> Vec<FollowUp> {
    [
        Intent::Budget,
        Intent::Responsibility,
        Intent::Strategy,
        Intent::Indicator,
    ]
    .into_iter()
    .filter(|i| *i != answered)
    .map(|i| FollowUp {
        label: match i {
            Intent::Budget => "予算",
            Intent::Responsibility => "担当",
            Intent::Strategy => "関係する計画",
            _ => "目標・指標",
        }
        .to_string(),
        question: question_about(node, i),
        node: Some(node_ref(node)),
    })
    .collect()
}
