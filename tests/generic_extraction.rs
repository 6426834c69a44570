//! The generic extractor on documents of kind `other`: budget documents written for the
//! tests (every figure's amount in 億円, fiscal year, kind and change) and real government
//! documents (plans, measures, agencies, indicators).

use rust_decimal::Decimal;
use seisaku::corpus::{DocKind, DocumentInfo, SeedDoc};
use seisaku::extract::extract_document;
use seisaku::graph::model::{Extraction, NodeType, Rel};
use std::collections::BTreeSet;
use std::path::Path;

#[path = "extraction_support/mod.rs"]
mod extraction_support;
use extraction_support::{assert_quotes_cited, budget_rows};

fn load(file: &str) -> SeedDoc {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("test document");
    SeedDoc::from_text(
        DocumentInfo {
            file: file.into(),
            title: String::new(),
            publisher: String::new(),
            date: String::new(),
            kind: DocKind::Other,
        },
        &text,
    )
}

/// Extracts a document and checks that every quote stands in its cited lines.
fn extract(file: &str) -> Extraction {
    let doc = load(file);
    let extraction = extract_document(&doc);
    assert_quotes_cited(&doc, &extraction);
    extraction
}

type Figure = (String, String, String, Decimal, Option<Decimal>);

fn decimal(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

/// Every budget node as (item, fy, kind, amount in 億円, change in 億円).
fn figures(extraction: &Extraction) -> BTreeSet<Figure> {
    budget_rows(extraction)
        .into_iter()
        .map(|r| (r.item, r.fy, r.kind, r.amount, r.change))
        .collect()
}

fn expected(rows: &[(&str, &str, &str, &str, Option<&str>)]) -> BTreeSet<Figure> {
    rows.iter()
        .map(|(item, fy, kind, amount, change)| {
            (
                item.to_string(),
                fy.to_string(),
                kind.to_string(),
                decimal(amount),
                change.map(decimal),
            )
        })
        .collect()
}

fn node_named<'e>(
    extraction: &'e Extraction,
    node_type: NodeType,
    name: &str,
) -> &'e seisaku::graph::model::NodeDraft {
    extraction
        .nodes
        .iter()
        .find(|n| n.node_type == node_type && n.name == name)
        .unwrap_or_else(|| panic!("no {node_type} named {name}"))
}

fn linked(extraction: &Extraction, from: &str, rel: Rel, to: &str) -> bool {
    let name = |id: &str| {
        extraction
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    extraction
        .edges
        .iter()
        .any(|e| e.rel == rel && name(&e.from) == from && name(&e.to) == to)
}

#[test]
fn budget_table_in_million_yen_with_a_total() {
    let extraction = extract("budget-table-million-yen.txt");
    let found = figures(&extraction);
    let wanted = expected(&[
        (
            "デジタル基盤整備事業",
            "R7",
            "initial",
            "123.45",
            Some("23.45"),
        ),
        ("デジタル基盤整備事業", "R6", "initial", "100", None),
        ("地域情報化推進事業", "R7", "initial", "32.1", Some("-2.9")),
        ("地域情報化推進事業", "R6", "initial", "35", None),
        (
            "サイバーセキュリティ対策事業",
            "R7",
            "initial",
            "8.5",
            Some("0.5"),
        ),
        ("サイバーセキュリティ対策事業", "R6", "initial", "8", None),
        ("情報通信関係予算", "R7", "initial", "164.05", Some("21.05")),
        ("情報通信関係予算", "R6", "initial", "143", None),
    ]);
    assert_eq!(found, wanted);
    assert!(linked(
        &extraction,
        "地域情報化推進事業",
        Rel::PartOf,
        "情報通信関係予算"
    ));
    assert!(linked(
        &extraction,
        "推進体制",
        Rel::Responsible,
        "情報流通振興課"
    ));
    assert!(linked(
        &extraction,
        "情報流通振興課",
        Rel::PartOf,
        "情報流通行政局"
    ));
}

#[test]
fn item_list_with_supplementary_amounts() {
    let extraction = extract("supplementary-items.txt");
    let wanted = expected(&[
        ("消防団の装備充実", "R6", "supplementary", "45", None),
        (
            "緊急消防援助隊の体制強化",
            "R6",
            "supplementary",
            "120",
            None,
        ),
        (
            "地域デジタル基盤活用推進事業",
            "R6",
            "supplementary",
            "32.5",
            None,
        ),
        (
            "自治体情報システムの標準化・共通化",
            "R6",
            "supplementary",
            "1200",
            None,
        ),
    ]);
    assert_eq!(figures(&extraction), wanted);
    assert!(linked(
        &extraction,
        "消防団の装備充実",
        Rel::PartOf,
        "防災・減災、国土強靱化の推進"
    ));
    let new_item = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Budget && n.name.starts_with("自治体情報システム"))
        .expect("budget");
    assert_eq!(new_item.props["flags"], serde_json::json!(["new"]));
}

#[test]
fn supplementary_overview_with_full_width_amounts() {
    let extraction = extract("supplementary-overview-fullwidth.txt");
    let wanted = expected(&[
        ("総額", "R5", "supplementary", "12345", None),
        (
            "重点支援地方交付金の追加",
            "R5",
            "supplementary",
            "5000",
            None,
        ),
        ("地方交付税の増額", "R5", "supplementary", "7000", None),
        (
            "マイナンバーカードの利便性向上",
            "R5",
            "supplementary",
            "250.5",
            None,
        ),
        ("情報通信基盤の整備", "R5", "supplementary", "94.5", None),
        ("情報通信基盤の整備", "R5", "initial", "120", None),
    ]);
    assert_eq!(figures(&extraction), wanted);
    assert!(linked(
        &extraction,
        "情報通信基盤の整備",
        Rel::PartOf,
        "デジタル社会の実現"
    ));
    assert!(linked(
        &extraction,
        "デジタル社会の実現",
        Rel::PartOf,
        "主要事項"
    ));
}

#[test]
fn budget_request_in_markdown_with_million_yen_figures() {
    let extraction = extract("budget-request-million-yen.md");
    let wanted = expected(&[
        (
            "地域おこし協力隊の推進",
            "R8",
            "request",
            "4.2",
            Some("0.5"),
        ),
        ("地域おこし協力隊の推進", "R7", "initial", "3.7", None),
        ("関係人口の創出・拡大", "R8", "request", "12.5", Some("2.5")),
        ("関係人口の創出・拡大", "R7", "initial", "10", None),
        ("自治体DX推進事業", "R8", "request", "35", None),
        ("地域情報化アドバイザー派遣", "R8", "request", "0.85", None),
        ("地域情報化アドバイザー派遣", "R7", "initial", "0.8", None),
    ]);
    assert_eq!(figures(&extraction), wanted);
    let strategy = node_named(
        &extraction,
        NodeType::Strategy,
        "デジタル田園都市国家構想総合戦略",
    );
    assert_eq!(strategy.props["decided_on"], "2022-12-23");
    assert!(linked(
        &extraction,
        "地域のデジタル化",
        Rel::BasedOn,
        "デジタル田園都市国家構想総合戦略"
    ));
    node_named(&extraction, NodeType::Program, "自治体DX推進事業");
}

#[test]
fn municipal_budget_book_with_thousand_yen_tables_and_negatives() {
    let extraction = extract("municipal-budget-book.txt");
    let wanted = expected(&[
        ("議会費", "R6", "initial", "3.1245", Some("0.0733")),
        ("議会費", "R5", "initial", "3.0512", None),
        ("総務費", "R6", "initial", "41.258", Some("-1.844")),
        ("総務費", "R5", "initial", "43.102", None),
        ("民生費", "R6", "initial", "124.803", Some("5.303")),
        ("民生費", "R5", "initial", "119.5", None),
        ("歳出合計", "R6", "initial", "169.1855", Some("3.5323")),
        ("歳出合計", "R5", "initial", "165.6532", None),
    ]);
    assert_eq!(figures(&extraction), wanted);
    for node in extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
    {
        assert_eq!(node.props["unit"], "千円", "{node:?}");
        let written = node.props["written"].as_str().unwrap_or_default();
        assert!(node.sources[0].quote.contains(written), "{node:?}");
    }
}

#[test]
fn action_plan_gives_its_measures_agencies_and_indicators() {
    let doc = load("digital-gov-action-plan-2020-excerpt.md");
    let extraction = extract("digital-gov-action-plan-2020-excerpt.md");
    let plan = node_named(
        &extraction,
        NodeType::Strategy,
        "デジタル・ガバメント実行計画",
    );
    assert_eq!(plan.props["decided_on"], "2020-12-25");
    assert_eq!(plan.props["decided_by"], "閣議決定");
    assert!(linked(
        &extraction,
        "行政データ連携の推進",
        Rel::Implements,
        "デジタル・ガバメント実行計画"
    ));
    assert!(linked(
        &extraction,
        "行政データ連携標準の普及",
        Rel::PartOf,
        "行政データ連携の推進"
    ));
    assert!(linked(
        &extraction,
        "行政データ連携標準の普及",
        Rel::Responsible,
        "内閣官房"
    ));
    assert!(linked(
        &extraction,
        "文字環境の整備・普及",
        Rel::Responsible,
        "経済産業省"
    ));
    assert!(linked(
        &extraction,
        "文字環境の整備・普及",
        Rel::CollaboratesWith,
        "法務省"
    ));
    let kpi_lines = doc.lines.iter().filter(|l| l.starts_with("KPI：")).count();
    let indicators: Vec<_> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Indicator)
        .collect();
    assert_eq!(indicators.len(), kpi_lines);
    assert!(linked(
        &extraction,
        "行政データ連携標準の普及",
        Rel::EvaluatedBy,
        "標準化対象のデータ数"
    ));
    assert!(linked(
        &extraction,
        "API整備の推進",
        Rel::EvaluatedBy,
        "API関連ガイド数及び公開API数"
    ));
    // A Markdown link in a KPI keeps its text and drops its target.
    assert!(linked(
        &extraction,
        "文字環境の整備・普及",
        Rel::EvaluatedBy,
        "地方公共団体の調達における文字情報基盤参照割合"
    ));
    assert!(figures(&extraction).is_empty(), "the plan states no budget");
}

#[test]
fn prose_decision_document_gives_headings_and_no_budgets() {
    let extraction = extract("base-registry-designation-2021.md");
    node_named(&extraction, NodeType::Measure, "経緯");
    node_named(&extraction, NodeType::Measure, "ベース・レジストリの効果");
    assert!(figures(&extraction).is_empty());
    assert!(linked(
        &extraction,
        "ワンスオンリーの実現",
        Rel::PartOf,
        "ベース・レジストリの効果"
    ));
}

#[test]
fn evaluation_tables_and_targets_become_cited_indicators() {
    let extraction = extract("evaluation-indicators.md");
    let indicator = |name: &str| {
        node_named(&extraction, NodeType::Indicator, name)
            .props
            .clone()
    };
    let stated = indicator("移住相談の件数");
    assert_eq!(stated.get("target"), Some(&serde_json::json!("5,000件")));
    assert_eq!(stated.get("target_year"), Some(&serde_json::json!(2027)));
    let visitors = indicator("移住・交流の促進 移住フェアの来場者数");
    assert_eq!(visitors.get("target"), Some(&serde_json::json!("12,000人")));
    assert_eq!(
        visitors.get("actuals"),
        Some(&serde_json::json!({"2022": "8,200人", "2023": "9,100人"}))
    );
    let share = indicator("交流拠点を設置した市町村の割合");
    assert_eq!(share.get("target"), Some(&serde_json::json!("70％")));
    assert_eq!(share.get("target_year"), Some(&serde_json::json!(2026)));
    assert_eq!(
        share.get("actuals"),
        Some(&serde_json::json!({"2021": "41％", "2022": "45％", "2023": "52％"}))
    );
    let users = indicator("交流拠点の利用者数");
    assert_eq!(users.get("target"), Some(&serde_json::json!("20万人")));
    assert_eq!(
        users.get("actuals"),
        Some(&serde_json::json!({"2023": "12万人"}))
    );
    for (item, target) in [
        ("移住・交流の促進", "移住相談の件数"),
        ("移住・交流の促進", "移住・交流の促進 移住フェアの来場者数"),
        ("交流拠点の整備", "交流拠点を設置した市町村の割合"),
        ("交流拠点の整備", "交流拠点の利用者数"),
    ] {
        assert!(
            linked(&extraction, item, Rel::EvaluatedBy, target),
            "{item} → {target}"
        );
        assert!(
            linked(&extraction, item, Rel::Targets, target),
            "{item} → {target}"
        );
    }
    assert!(
        extraction
            .nodes
            .iter()
            .all(|n| n.node_type != NodeType::Budget),
        "counts are not budgets"
    );
}
