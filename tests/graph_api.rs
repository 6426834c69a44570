//! Traversal, budget and export API over the real graph, through a real server.

mod common;

use common::{get_json, shared_server};
use serde_json::Value;

/// The id of the best node of `node_type` named like `q`.
async fn find_node(node_type: &str, q: &str) -> String {
    let (status, body) =
        get_json(shared_server(), "/nodes", &[("type", node_type), ("q", q)]).await;
    assert_eq!(status, 200, "{body}");
    body["nodes"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no {node_type} for {q}: {body}"))
        .to_string()
}

fn ids(list: &Value, key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn fund_program_reaches_the_measures_it_funds() {
    let addr = shared_server();
    let fund = find_node("fund", "Beyond 5G基金").await;
    let path = format!("/nodes/{fund}/neighbors");
    let (status, body) = get_json(addr, &path, &[("rel", "funded_by"), ("dir", "in")]).await;
    assert_eq!(status, 200, "{body}");
    let nodes = body["nodes"].as_array().expect("nodes");
    assert!(nodes.len() >= 3, "{body}");
    assert!(nodes.iter().skip(1).all(|n| n["distance"] == 1));
    for edge in body["edges"].as_array().expect("edges") {
        assert_eq!(edge["rel"], "funded_by");
        assert_eq!(edge["to"], fund.as_str());
        assert!(!edge["sources"].as_array().expect("sources").is_empty());
    }
}

#[tokio::test]
async fn evaluated_policy_reaches_its_bureau_and_indicators() {
    let addr = shared_server();
    let policy = find_node("policy", "電波利用料財源による電波監視等の実施").await;
    let (status, detail) = get_json(addr, &format!("/nodes/{policy}"), &[]).await;
    assert_eq!(status, 200);
    let edges = detail["edges"].as_array().expect("edges");
    let responsible: Vec<&Value> = edges
        .iter()
        .filter(|e| e["rel"] == "responsible" && e["dir"] == "out")
        .collect();
    assert!(
        responsible
            .iter()
            .any(|e| e["node"]["name"].as_str().unwrap_or("").ends_with('局')),
        "no bureau: {responsible:?}"
    );
    let (_, around) = get_json(
        addr,
        &format!("/nodes/{policy}/neighbors"),
        &[
            ("depth", "2"),
            ("rel", "evaluated_by,part_of"),
            ("type", "indicator,measure,theme"),
        ],
    )
    .await;
    let indicators = around["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == "indicator")
        .count();
    assert!(indicators >= 1, "{around}");
}

#[tokio::test]
async fn section_totals_equal_the_documents_stated_totals() {
    let addr = shared_server();
    let (status, check) = get_json(addr, "/budgets/check", &[]).await;
    assert_eq!(status, 200);
    assert!(check["checked"].as_u64().unwrap_or(0) >= 30, "{check}");
    assert_eq!(check["mismatching"], 0, "{check}");
    let policy = find_node("policy", "地域DXの推進").await;
    let (status, listing) = get_json(
        addr,
        "/budgets",
        &[
            ("under", policy.as_str()),
            ("fy", "R6"),
            ("kind", "initial"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{listing}");
    let stated = check["totals"]
        .as_array()
        .expect("totals")
        .iter()
        .find(|t| t["node"] == policy.as_str())
        .and_then(|t| t["stated_oku_yen"].as_str())
        .and_then(|s| s.parse::<rust_decimal::Decimal>().ok())
        .expect("a stated total for the section");
    let total: rust_decimal::Decimal = listing["total_oku_yen"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("total");
    let tolerance: rust_decimal::Decimal = "0.2".parse().expect("decimal");
    assert!(
        (stated - total).abs() <= tolerance,
        "stated {stated} vs parts {total}"
    );
    let yen: rust_decimal::Decimal = listing["total_yen"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("yen");
    assert_eq!(yen, total * rust_decimal::Decimal::from(100_000_000));
    assert!(
        listing["excluded"]
            .as_array()
            .expect("excluded")
            .iter()
            .any(|e| e["reason"]
                .as_str()
                .unwrap_or("")
                .contains("total of parts")),
        "the section's own total is left out: {listing}"
    );
}

#[tokio::test]
async fn budgets_say_what_they_leave_out() {
    let addr = shared_server();
    let (status, listing) = get_json(
        addr,
        "/budgets",
        &[("q", "周波数ひっ迫対策技術試験事務"), ("limit", "100")],
    )
    .await;
    assert_eq!(status, 200);
    let items = listing["items"].as_array().expect("items");
    assert!(items.iter().any(|i| i["inclusive"] == true), "{listing}");
    let excluded = listing["excluded"].as_array().expect("excluded");
    assert!(
        excluded
            .iter()
            .any(|e| e["reason"].as_str().unwrap_or("").contains("の内数"))
    );
    for item in items {
        assert!(item["fy"].as_str().unwrap_or("").starts_with('R'));
        assert!(item["fiscal_year"].as_u64().unwrap_or(0) >= 2019);
        if let Some(amount) = item["amount_oku_yen"].as_str() {
            assert!(amount.parse::<rust_decimal::Decimal>().is_ok());
        }
    }
    let (_, request) = get_json(
        addr,
        "/budgets",
        &[
            ("fy", "R8"),
            ("kind", "request"),
            ("q", "事項要求"),
            ("limit", "5"),
        ],
    )
    .await;
    assert!(request["items"].is_array());
}

#[tokio::test]
async fn totals_across_years_are_left_to_the_subtotals() {
    let addr = shared_server();
    let (status, mixed) = get_json(addr, "/budgets", &[("q", "地域おこし協力隊")]).await;
    assert_eq!(status, 200);
    let subtotals = mixed["subtotals"].as_array().expect("subtotals");
    assert!(subtotals.len() > 1, "{mixed}");
    assert!(mixed["total_oku_yen"].is_null(), "{mixed}");
    assert!(mixed["total_yen"].is_null(), "{mixed}");
    let (_, single) = get_json(
        addr,
        "/budgets",
        &[("q", "地域おこし協力隊"), ("fy", "R8"), ("kind", "request")],
    )
    .await;
    let subtotal = &single["subtotals"][0]["total_oku_yen"];
    assert_eq!(single["total_oku_yen"], *subtotal, "{single}");
}

#[tokio::test]
async fn changes_are_properties_of_the_figure_they_compare() {
    let addr = shared_server();
    let (_, listing) = get_json(addr, "/budgets", &[("limit", "100"), ("kind", "other")]).await;
    for item in listing["items"].as_array().expect("items") {
        let amount = item["amount_oku_yen"].as_str().unwrap_or("0");
        assert!(
            !amount.starts_with('-'),
            "a change listed as a budget: {item}"
        );
    }
    let (_, general) = get_json(
        addr,
        "/budgets",
        &[("q", "一般歳出"), ("fy", "R6"), ("kind", "initial")],
    )
    .await;
    let compared = general["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["change_oku_yen"].is_string())
        .unwrap_or_else(|| panic!("no figure with its change: {general}"));
    assert_eq!(compared["amount_oku_yen"], "4244");
    assert_eq!(compared["change_oku_yen"], "-390");
    assert_eq!(compared["change_rate"], "-8.4");
}

#[tokio::test]
async fn a_measure_has_a_path_to_the_strategy_it_implements() {
    let addr = shared_server();
    let strategy = find_node("strategy", "デジタルインフラ整備計画2030").await;
    let (_, around) = get_json(
        addr,
        &format!("/nodes/{strategy}/neighbors"),
        &[("rel", "implements"), ("dir", "in"), ("type", "measure")],
    )
    .await;
    let measures = ids(&around, "nodes");
    let measure = measures
        .get(1)
        .expect("a measure implementing the plan")
        .clone();
    let (status, found) = get_json(
        addr,
        "/paths",
        &[("from", measure.as_str()), ("to", strategy.as_str())],
    )
    .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["length"], 1);
    let path = &found["paths"][0];
    assert_eq!(path["nodes"][0]["id"], measure.as_str());
    assert_eq!(path["edges"][0]["rel"], "implements");
    assert!(
        !path["edges"][0]["sources"]
            .as_array()
            .expect("sources")
            .is_empty()
    );
    let document = "document:004_ffbb1bb57b30ee70.txt";
    let (status, longer) = get_json(
        addr,
        "/paths",
        &[
            ("from", measure.as_str()),
            ("to", document),
            ("max_depth", "6"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(longer["paths"].is_array());
}

#[tokio::test]
async fn nodes_are_found_by_alias_and_listed_by_type() {
    let addr = shared_server();
    let (_, found) = get_json(addr, "/nodes", &[("q", "QKD")]).await;
    assert!(
        found["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .any(|n| n["name"] == "量子暗号通信"),
        "{found}"
    );
    let (_, agencies) = get_json(addr, "/nodes", &[("type", "agency"), ("limit", "100")]).await;
    assert!(agencies["total"].as_u64().unwrap_or(0) >= 20);
    assert!(
        agencies["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .all(|n| n["type"] == "agency")
    );
    let (_, searched) = get_json(
        addr,
        "/search",
        &[("q", "量子暗号通信"), ("type", "measure,theme")],
    )
    .await;
    let hits = searched["hits"].as_array().expect("hits");
    assert!(
        hits.iter().any(|h| h["kind"] == "node"),
        "node hits: {searched}"
    );
    assert!(
        hits.iter()
            .any(|h| h["kind"] == "passage" && !h["nodes"].as_array().expect("nodes").is_empty())
    );
}

/// A path, its query parameters and the status expected.
type Case<'a> = (String, Vec<(&'a str, &'a str)>, u16);

#[tokio::test]
async fn limits_and_unknown_ids_give_json_errors() {
    let addr = shared_server();
    let theme = find_node("theme", "オール光ネットワーク").await;
    let neighbors = format!("/nodes/{theme}/neighbors");
    let cases: Vec<Case> = vec![
        (neighbors.clone(), vec![("depth", "0")], 400),
        (neighbors.clone(), vec![("depth", "4")], 400),
        (
            neighbors.clone(),
            vec![("depth", "999999999999999999999")],
            400,
        ),
        (neighbors.clone(), vec![("limit", "100000")], 400),
        (neighbors.clone(), vec![("rel", "friend_of")], 400),
        (neighbors.clone(), vec![("dir", "sideways")], 400),
        (neighbors.clone(), vec![("type", "planet")], 400),
        ("/nodes/no:such-node".into(), vec![], 404),
        ("/nodes/no:such-node/neighbors".into(), vec![], 404),
        ("/nodes".into(), vec![("type", "planet")], 400),
        ("/nodes".into(), vec![("limit", "0")], 400),
        ("/paths".into(), vec![("from", theme.as_str())], 400),
        (
            "/paths".into(),
            vec![("from", theme.as_str()), ("to", "no:such")],
            404,
        ),
        (
            "/paths".into(),
            vec![
                ("from", theme.as_str()),
                ("to", theme.as_str()),
                ("max_depth", "50"),
            ],
            400,
        ),
        ("/budgets".into(), vec![("fy", "yesterday")], 400),
        ("/budgets".into(), vec![("kind", "secret")], 400),
        ("/budgets".into(), vec![("under", "no:such")], 404),
        ("/budgets".into(), vec![("limit", "1000")], 400),
        ("/graph/export".into(), vec![("format", "pdf")], 400),
    ];
    for (path, params, expected) in cases {
        let (status, body) = get_json(addr, &path, &params).await;
        assert_eq!(status, expected, "{path} {params:?}: {body}");
        assert!(body["error"]["code"].is_string(), "{path}: {body}");
    }
}

#[tokio::test]
async fn export_streams_the_whole_graph_in_three_formats() {
    let addr = shared_server();
    let engine = common::engine();
    let client = reqwest::Client::new();
    let fetch = |format: &'static str| {
        let client = client.clone();
        async move {
            let response = client
                .get(format!("http://{addr}/graph/export"))
                .query(&[("format", format)])
                .send()
                .await
                .expect("export");
            assert_eq!(response.status().as_u16(), 200);
            response.text().await.expect("body")
        }
    };
    let json: Value = serde_json::from_str(&fetch("json").await).expect("export is JSON");
    let nodes = json["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), engine.graph.nodes().len());
    assert_eq!(
        json["edges"].as_array().expect("edges").len(),
        engine.graph.edges().len()
    );
    let fund = nodes.iter().find(|n| n["type"] == "fund").expect("a fund");
    for key in ["id", "type", "name", "props", "sources"] {
        assert!(fund.get(key).is_some(), "{key}");
    }
    assert!(fund["props"]["aliases"].is_array());
    let graphml = fetch("graphml").await;
    assert!(graphml.starts_with("<?xml") && graphml.trim_end().ends_with("</graphml>"));
    assert_eq!(
        graphml.matches("<node ").count(),
        engine.graph.nodes().len()
    );
    assert_eq!(
        graphml.matches("<edge ").count(),
        engine.graph.edges().len()
    );
    let cypher = fetch("cypher").await;
    assert_eq!(
        cypher.matches("MERGE (n:Node").count(),
        engine.graph.nodes().len()
    );
    assert_eq!(
        cypher.lines().filter(|l| l.starts_with("MATCH")).count(),
        engine.graph.edges().len()
    );
}

#[tokio::test]
async fn openapi_covers_every_endpoint() {
    let (status, document) = get_json(shared_server(), "/openapi.json", &[]).await;
    assert_eq!(status, 200);
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/healthz",
        "/documents",
        "/search",
        "/nodes",
        "/nodes/{id}",
        "/nodes/{id}/neighbors",
        "/paths",
        "/budgets",
        "/budgets/check",
        "/graph/export",
        "/openapi.json",
        "/admin/rebuild",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from the OpenAPI document"
        );
    }
}
