//! Chatbot grounding through a real server: cited answers, unsupported questions, choices,
//! the scenario menu, and the dev gold questions through /ask.

mod common;

use common::{get_json, shared_server};
use seisaku::corpus::Corpus;
use serde_json::{Value, json};

/// The floor for citation hit@5 over the dev gold questions.
const MIN_CITATION_HIT_AT_5: f64 = 0.75;

async fn ask(question: &str) -> Value {
    let response = reqwest::Client::new()
        .post(format!("http://{}/ask", shared_server()))
        .json(&json!({ "question": question, "max_citations": 5 }))
        .send()
        .await
        .expect("ask");
    assert_eq!(response.status().as_u16(), 200, "{question}");
    response.json().await.expect("json")
}

fn quote_stands(corpus: &Corpus, citation: &Value) -> bool {
    let doc = corpus
        .doc(citation["doc"].as_str().unwrap_or(""))
        .expect("cited doc exists");
    let start = citation["line_start"].as_u64().unwrap_or(0) as u32;
    let end = citation["line_end"].as_u64().unwrap_or(0) as u32;
    let lines: Vec<&str> = (start..=end).map(|n| doc.line(n)).collect();
    let quote = citation["quote"].as_str().unwrap_or("");
    lines.join("\n").contains(quote) || lines.concat().contains(quote)
}

#[tokio::test]
async fn a_budget_question_gets_a_cited_amount() {
    let body = ask("地域おこし協力隊の予算はいくら?").await;
    for key in [
        "question",
        "intent",
        "answer",
        "supported",
        "facts",
        "citations",
        "passages",
        "nodes",
        "expansions",
        "follow_ups",
    ] {
        assert!(body.get(key).is_some(), "missing {key}");
    }
    assert_eq!(body["intent"], "budget");
    assert_eq!(body["supported"], true, "{body}");
    let answer = body["answer"].as_str().expect("answer");
    let facts = body["facts"].as_array().expect("facts");
    assert!(!facts.is_empty());
    let corpus = Corpus::load(&common::root().join("seeds")).expect("seeds");
    // Every amount the answer states is a fact whose cited lines hold it.
    for fact in facts {
        let Some(amount) = fact["amount_oku_yen"].as_str() else {
            continue;
        };
        assert!(answer.contains(amount), "answer omits {amount}");
        let source = &fact["sources"][0];
        let doc = corpus
            .doc(source["doc"].as_str().unwrap_or(""))
            .expect("doc");
        let start = source["line_start"].as_u64().unwrap_or(0) as u32;
        let end = source["line_end"].as_u64().unwrap_or(0) as u32;
        let cited = (start..=end)
            .map(|n| doc.line(n))
            .collect::<Vec<_>>()
            .join("\n");
        let found = seisaku::money::find_amounts(&cited)
            .iter()
            .any(|m| Some(m.oku) == amount.parse().ok());
        let bare = seisaku::normalize::nfkc(&cited).contains(amount);
        assert!(found || bare, "{amount} not in {cited}");
    }
    let citations = body["citations"].as_array().expect("citations");
    assert!(!citations.is_empty() && citations.len() <= 5);
    for citation in citations {
        assert!(
            citation["doc_title"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(quote_stands(&corpus, citation), "{citation}");
    }
}

#[tokio::test]
async fn responsibility_and_inclusive_budgets_are_spelled_out() {
    let body = ask("政策４ 地域振興の担当課室は?").await;
    assert_eq!(body["intent"], "responsibility");
    assert_eq!(body["supported"], true, "{body}");
    assert!(body["answer"].as_str().unwrap_or("").contains("担当"));
    let fund = ask("6G 基金 予算").await;
    let answer = fund["answer"].as_str().unwrap_or("");
    assert!(answer.contains("億円"), "{answer}");
    if fund["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .any(|f| f["inclusive"] == true)
    {
        assert!(
            answer.contains("の内数"),
            "の内数 must be spelled out: {answer}"
        );
    }
}

#[tokio::test]
async fn unanswerable_questions_are_not_supported_but_keep_passages() {
    let body = ask("東京タワーの高さは何メートル?").await;
    assert_eq!(body["supported"], false, "{body}");
    assert!(body["answer"].is_null());
    assert!(body["passages"].is_array());
}

#[tokio::test]
async fn equally_fitting_items_come_back_as_choices() {
    let body = ask("消防の予算はいくら?").await;
    let choices = body["follow_ups"].as_array().expect("follow_ups");
    assert!(choices.len() >= 2, "{body}");
    assert!(body["answer"].is_null(), "no guessing among equal choices");
    for choice in choices {
        assert!(choice["question"].as_str().unwrap_or("").contains("予算"));
        assert!(choice["node"]["id"].is_string());
    }
}

#[tokio::test]
async fn ask_by_get_and_bad_questions() {
    let addr = shared_server();
    let (status, body) = get_json(addr, "/ask", &[("q", "B5G 研究開発 予算")]).await;
    assert_eq!(status, 200);
    assert!(
        body["expansions"]
            .as_array()
            .expect("expansions")
            .iter()
            .any(|e| e["canonical"] == "Beyond 5G")
    );
    for (params, expected) in [
        (vec![("q", "")], 400),
        (vec![], 400),
        (vec![("q", "予算"), ("max_citations", "0")], 400),
        (vec![("q", "予算"), ("max_citations", "500")], 400),
    ] {
        let (status, body) = get_json(addr, "/ask", &params).await;
        assert_eq!(status, expected, "{params:?}: {body}");
        assert!(body["error"]["code"].is_string());
    }
    let long = "予".repeat(2_000);
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/ask"))
        .json(&json!({ "question": long }))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 413);
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/ask"))
        .json(&json!({ "q": "wrong field" }))
        .send()
        .await
        .expect("post");
    assert!((400..500).contains(&response.status().as_u16()));
}

#[tokio::test]
async fn browse_walks_themes_to_measures() {
    let addr = shared_server();
    let (status, root) = get_json(addr, "/browse", &[]).await;
    assert_eq!(status, 200);
    let entries = root["entries"].as_array().expect("entries");
    assert!(entries.len() >= 10);
    assert!(
        entries
            .iter()
            .all(|e| e["type"] == "theme" && e["children"].as_u64().unwrap_or(0) > 0)
    );
    let theme = entries
        .iter()
        .find(|e| e["name"] == "量子暗号通信")
        .expect("a 量子暗号通信 menu");
    let (status, menu) = get_json(
        addr,
        &format!("/browse/{}", theme["id"].as_str().unwrap_or("")),
        &[],
    )
    .await;
    assert_eq!(status, 200);
    let items = menu["entries"].as_array().expect("entries");
    assert!(items.iter().any(|e| e["type"] == "measure"), "{menu}");
    let (status, _) = get_json(addr, "/browse/no:such", &[]).await;
    assert_eq!(status, 404);
}

#[test]
fn gold_questions_through_ask_cite_relevant_lines() {
    let engine = common::engine();
    let queries = seisaku::eval::queries::load_queries(&common::root().join("tests/fixtures/gold"))
        .expect("gold");
    let report = seisaku::eval::ask::evaluate_ask(&engine, &queries);
    println!("{report}");
    assert!(
        report.citation_hit_at_5 >= MIN_CITATION_HIT_AT_5,
        "{report}"
    );
    assert!(
        report.budget_amount_in_relevant_line * 2 >= report.budget_questions,
        "{report}"
    );
}

#[tokio::test]
async fn openapi_describes_the_ask_fields() {
    let (status, document) = get_json(shared_server(), "/openapi.json", &[]).await;
    assert_eq!(status, 200);
    for method in ["get", "post"] {
        let responses = document["paths"]["/ask"][method]["responses"]
            .as_object()
            .expect("responses");
        assert!(responses.contains_key("200") && responses.contains_key("400"));
        for (code, response) in responses {
            assert!(
                response["description"]
                    .as_str()
                    .is_some_and(|d| !d.trim().is_empty()),
                "{method} /ask {code} needs a description"
            );
        }
    }
    let schemas = &document["components"]["schemas"];
    for key in ["computed", "conversation_id", "facts"] {
        assert!(
            schemas["AskResponse"]["properties"][key].is_object(),
            "AskResponse.{key}"
        );
    }
    assert!(schemas["AskRequest"]["properties"]["conversation_id"].is_object());
    assert!(schemas["Fact"]["properties"]["id"].is_object());
    for key in ["op", "operands", "result"] {
        assert!(
            schemas["Computed"]["properties"][key].is_object(),
            "Computed.{key}"
        );
    }
}
