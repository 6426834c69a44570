//! Japanese answers composed only from cited facts and passages.

use super::figures::{Figure, kind_japanese, year_japanese};
use super::intent::Intent;
use super::node_ref;
use super::response::{Fact, FollowUp};
use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, Rel, Source};
use crate::search::Hit;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeSet, VecDeque};

/// Longest quote taken from a passage, in chars.
const QUOTE_CHARS: usize = 160;

fn prop<'a>(node: &'a NodeDraft, key: &str) -> Option<&'a str> {
    node.props.get(key).and_then(Value::as_str)
}

/// `（出典: title、N行目）` for the first source.
pub fn source_note(engine: &Engine, node_sources: &[Source]) -> String {
    match node_sources.first() {
        Some(s) => format!(
            "（出典: {}、{}行目）",
            engine.doc_title(&s.doc),
            s.line_start
        ),
        None => String::new(),
    }
}

/// An amount in 億円 as written in answers: exact, as the document gives it.
pub fn oku(amount: Decimal) -> String {
    format!("{amount}億円")
}

/// A figure's year and kind in Japanese: `令和8年度概算要求`.
pub fn figure_label(figure: &Figure) -> String {
    format!(
        "{}{}",
        figure.fy.map(year_japanese).unwrap_or_default(),
        kind_japanese(&figure.kind)
    )
}

/// A figure's amount in Japanese, with の内数 and 事項要求 spelled out.
pub fn figure_amount(figure: &Figure) -> String {
    match figure.amount {
        None => "事項要求（金額は示されていません）".to_string(),
        Some(a) if figure.inclusive => format!(
            "{}の内数（この額はより大きな予算全体の額で、この事業だけの額ではありません）",
            oku(a)
        ),
        Some(a) if figure.is_relisted() => format!("{}（再掲。ほかの項目で計上）", oku(a)),
        Some(a) if figure.is_revenue() => {
            format!("{}（歳入・財源の額で、歳出予算の額ではありません）", oku(a))
        }
        Some(a) => oku(a),
    }
}

/// A budget fact: the figure of `subject` with its year, kind, qualifiers and source.
pub fn budget_fact(engine: &Engine, subject: &NodeDraft, figure: &Figure) -> Fact {
    let mut qualifiers = Vec::new();
    if figure.flags.iter().any(|f| f == "new") {
        qualifiers.push("新規");
    }
    let qualifier_text = if qualifiers.is_empty() {
        String::new()
    } else {
        format!("（{}）", qualifiers.join("・"))
    };
    let text = format!(
        "「{}」: {} {}{qualifier_text}{}",
        figure.item,
        figure_label(figure),
        figure_amount(figure),
        source_note(engine, &figure.node.sources)
    );
    Fact {
        id: String::new(),
        kind: "budget".into(),
        subject: node_ref(subject),
        object: node_ref(figure.node),
        text,
        amount_oku_yen: figure.amount.map(|a| a.to_string()),
        fy: figure.fy.map(|y| y.label()),
        budget_kind: Some(figure.kind.clone()),
        inclusive: Some(figure.inclusive),
        sources: figure.node.sources.clone(),
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
            if edge.rel == Rel::PartOf && visited.insert(edge.to.to_string()) {
                queue.push_back(edge.to.to_string());
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
                id: String::new(),
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

/// The answer text for graph facts: a lead naming the subject, then one line per fact.
pub fn graph_answer(subject: &NodeDraft, intent: Intent, facts: &[Fact]) -> String {
    let lead = match intent {
        Intent::Budget => format!("「{}」の予算は次のとおりです。", subject.name),
        Intent::Responsibility => format!("「{}」の担当は次のとおりです。", subject.name),
        Intent::Strategy => format!("「{}」に関係する戦略・計画は次のとおりです。", subject.name),
        Intent::Indicator => format!("「{}」の指標・目標は次のとおりです。", subject.name),
        Intent::Total | Intent::Change | Intent::List | Intent::Lookup => {
            format!("「{}」について次のとおりです。", subject.name)
        }
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
        Intent::Total => format!("{}の予算の合計は?", node.name),
        Intent::Change => format!("{}の予算は前年度からどれだけ増減した?", node.name),
        Intent::List => format!("{}にはどんな取組がある?", node.name),
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
