//! The chatbot question set (`tests/fixtures/ask_questions.jsonl`) through a real server:
//! totals, changes, lists, questions the corpus cannot answer, plain budget questions and
//! multi-turn conversations. Every expected amount was read from the seeds; every turn must
//! meet its expectation, every amount stated must stand in its cited lines, and the
//! answered share is reported by kind.

mod common;

use common::shared_server;
use rust_decimal::Decimal;
use seisaku::corpus::Corpus;
use seisaku::money::find_amounts;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Case {
    kind: String,
    turns: Vec<Turn>,
}

#[derive(Debug, Deserialize)]
struct Turn {
    q: String,
    supported: bool,
    #[serde(default)]
    amounts: Vec<Decimal>,
    #[serde(default)]
    holds: Option<String>,
    #[serde(default)]
    computed: Option<BTreeMap<String, String>>,
}

async fn ask(question: &str, conversation: Option<&str>) -> Value {
    let mut body = json!({ "question": question, "max_citations": 5 });
    if let Some(id) = conversation {
        body["conversation_id"] = json!(id);
    }
    let response = reqwest::Client::new()
        .post(format!("http://{}/ask", shared_server()))
        .json(&body)
        .send()
        .await
        .expect("ask");
    assert_eq!(response.status().as_u16(), 200, "{question}");
    response.json().await.expect("json")
}

fn cases() -> Vec<Case> {
    let path = common::root().join("tests/fixtures/ask_questions.jsonl");
    std::fs::read_to_string(&path)
        .expect("question set")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a case"))
        .collect()
}

/// The cited lines of a source, joined.
fn cited_text(corpus: &Corpus, source: &Value) -> String {
    let doc = corpus
        .doc(source["doc"].as_str().unwrap_or(""))
        .expect("cited doc exists");
    let start = source["line_start"].as_u64().unwrap_or(0) as u32;
    let end = source["line_end"].as_u64().unwrap_or(0) as u32;
    (start..=end)
        .map(|n| doc.line(n))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with an answer, if anything.
fn problems(corpus: &Corpus, turn: &Turn, body: &Value) -> Vec<String> {
    let mut found = Vec::new();
    if body["supported"] != turn.supported {
        found.push(format!("supported is {}", body["supported"]));
    }
    let answer = body["answer"].as_str().unwrap_or("");
    let stated: Vec<Decimal> = find_amounts(answer).into_iter().map(|m| m.oku).collect();
    for amount in &turn.amounts {
        if !stated.contains(amount) {
            found.push(format!("{amount}億円 not stated"));
        }
    }
    if let Some(holds) = &turn.holds
        && !answer.contains(holds.as_str())
    {
        found.push(format!("does not say the corpus holds {holds}"));
    }
    if let Some(expected) = &turn.computed {
        for (key, value) in expected {
            if body["computed"][key].as_str() != Some(value.as_str()) {
                found.push(format!("computed.{key} is {}", body["computed"][key]));
            }
        }
    }
    let facts = body["facts"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = facts.iter().filter_map(|f| f["id"].as_str()).collect();
    if let Some(operands) = body["computed"]["operands"].as_array() {
        for operand in operands {
            if !ids.contains(&operand.as_str().unwrap_or("")) {
                found.push(format!("operand {operand} is not a fact"));
            }
        }
    }
    for fact in &facts {
        let Some(amount) = fact["amount_oku_yen"].as_str() else {
            continue;
        };
        let Some(source) = fact["sources"].get(0) else {
            found.push(format!("fact {} has no source", fact["id"]));
            continue;
        };
        let cited = cited_text(corpus, source);
        let amount: Decimal = amount.parse().unwrap_or_default();
        let stands = find_amounts(&cited)
            .iter()
            .any(|m| m.oku == amount || m.oku == -amount)
            || seisaku::normalize::nfkc(&cited)
                .replace(',', "")
                .contains(&amount.abs().to_string());
        if !stands {
            found.push(format!("{amount} not in its cited lines: {cited}"));
        }
        if body["supported"] == true && !answer.contains(&amount.abs().to_string()) {
            found.push(format!("answer omits the fact's {amount}"));
        }
    }
    for citation in body["citations"].as_array().cloned().unwrap_or_default() {
        let cited = cited_text(corpus, &citation);
        let quote = citation["quote"].as_str().unwrap_or("");
        if !(cited.contains(quote) || cited.replace('\n', "").contains(quote)) {
            found.push(format!("quote does not stand: {citation}"));
        }
    }
    found
}

#[tokio::test]
async fn the_question_set_is_answered_with_cited_exact_figures() {
    let corpus = Corpus::load(&common::root().join("seeds")).expect("seeds");
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in cases() {
        let mut conversation: Option<String> = None;
        for turn in &case.turns {
            let body = ask(&turn.q, conversation.as_deref()).await;
            let id = body["conversation_id"]
                .as_str()
                .expect("conversation_id")
                .to_string();
            if let Some(previous) = &conversation {
                assert_eq!(&id, previous, "the conversation continues: {}", turn.q);
            }
            conversation = Some(id);
            let found = problems(&corpus, turn, &body);
            let entry = by_kind.entry(case.kind.clone()).or_default();
            entry.1 += 1;
            if found.is_empty() {
                entry.0 += 1;
            } else {
                failures.push(format!("[{}] {}: {}", case.kind, turn.q, found.join("; ")));
            }
        }
    }
    for (kind, (passed, total)) in &by_kind {
        println!("{kind}: {passed}/{total}");
    }
    assert!(by_kind.len() >= 6, "every kind is in the set: {by_kind:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn unknown_conversations_start_anew_and_turns_stay_apart() {
    let first = ask("恩給費の予算はいくら?", Some("no-such-conversation")).await;
    assert_eq!(first["supported"], true, "{first}");
    let id = first["conversation_id"].as_str().expect("id").to_string();
    assert_ne!(id, "no-such-conversation");
    let other = ask("一般会計の総額は?", None).await;
    let other_id = other["conversation_id"].as_str().expect("id").to_string();
    assert_ne!(other_id, id);
    // Each conversation continues its own subject.
    let follow = ask("前年度は?", Some(&id)).await;
    assert!(
        follow["answer"].as_str().unwrap_or("").contains("891"),
        "{follow}"
    );
    let follow_other = ask("前年度は?", Some(&other_id)).await;
    assert!(
        follow_other["answer"]
            .as_str()
            .unwrap_or("")
            .contains("168625"),
        "{follow_other}"
    );
    // Without a conversation the same follow-up has nothing to continue.
    let alone = ask("前年度は?", None).await;
    assert_eq!(alone["supported"], false, "{alone}");
}

#[tokio::test]
async fn change_figures_are_never_presented_as_budgets() {
    let body = ask("総務省の予算はいくら?", None).await;
    for fact in body["facts"].as_array().cloned().unwrap_or_default() {
        let negative = fact["amount_oku_yen"]
            .as_str()
            .is_some_and(|a| a.starts_with('-'));
        assert!(!negative, "a change shown as a budget: {fact}");
    }
}
