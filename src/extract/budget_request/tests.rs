//! Tests of the reader.

use super::*;
use crate::corpus::{Corpus, DocKind};
use proptest::prelude::*;
use std::path::Path;

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::BudgetRequest, "重点施策", text)
}

fn budgets(extraction: &Extraction) -> Vec<(String, String, String, Value, bool)> {
    extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .map(|n| {
            let get = |k: &str| n.props.get(k).cloned().unwrap_or(Value::Null);
            (
                get("item").as_str().unwrap_or_default().to_string(),
                get("fy").as_str().unwrap_or_default().to_string(),
                get("kind").as_str().unwrap_or_default().to_string(),
                get("amount_oku_yen"),
                get("inclusive").as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn has_edge(extraction: &Extraction, from: &str, rel: Rel, to: &str) -> bool {
    extraction
        .edges
        .iter()
        .any(|e| e.rel == rel && e.from.contains(from) && e.to.contains(to))
}

const SLIDE: &str = "Ⅱ 豊かな地域の実現\n２．交流の促進\n（１）交流拠点の整備\n\n7\n\n交流拠点整備の支援\n• 拠点を整備する。\n\n【予算】交流拠点整備に要する経費\n\n4.2億円（８年度補正 1.5億円 ８年度 2.5億円）\n";

#[test]
fn reads_headings_titles_and_split_comparisons() {
    let extraction = extract(&doc(SLIDE));
    let found = budgets(&extraction);
    let amount = |a: &str| Value::String(a.into());
    assert!(found.contains(&(
        "交流拠点整備に要する経費".into(),
        "R9".into(),
        "request".into(),
        amount("4.2"),
        false
    )));
    assert!(found.contains(&(
        "交流拠点整備に要する経費".into(),
        "R8".into(),
        "supplementary".into(),
        amount("1.5"),
        false
    )));
    assert!(found.contains(&(
        "交流拠点整備に要する経費".into(),
        "R8".into(),
        "initial".into(),
        amount("2.5"),
        false
    )));
    assert!(has_edge(
        &extraction,
        "交流拠点の整備",
        Rel::PartOf,
        "交流の促進"
    ));
    assert!(has_edge(
        &extraction,
        "交流の促進",
        Rel::PartOf,
        "豊かな地域の実現"
    ));
    assert!(has_edge(
        &extraction,
        "交流拠点整備の支援",
        Rel::PartOf,
        "交流拠点の整備"
    ));
    assert!(has_edge(
        &extraction,
        "交流拠点整備の支援",
        Rel::FundedBy,
        "交流拠点整備に要する経費"
    ));
    // The page number is never an amount.
    assert!(found.iter().all(|b| b.3 != amount("7")));
}

#[test]
fn multi_item_blocks_item_requests_and_inclusive_amounts() {
    let text = "１．基盤の整備\n（１）網の整備\n網の整備\n• 整備する。\n\n【予算】\n研究開発費 10.5億円の内数（７年度 9.0億円の内数）\n試験事務 4.0億円（７年度 3.0億円の内数）【再掲】\n\n新網構築事業\n\n事項要求（新規）\n\n調査経費\n2.0億円＋事項要求（６年度補正 1.0億円の一部）\n";
    let extraction = extract(&doc(text));
    let found = budgets(&extraction);
    let amount = |a: &str| Value::String(a.into());
    assert!(found.contains(&(
        "研究開発費".into(),
        "R8".into(),
        "request".into(),
        amount("10.5"),
        true
    )));
    assert!(found.contains(&(
        "研究開発費".into(),
        "R7".into(),
        "initial".into(),
        amount("9.0"),
        true
    )));
    assert!(found.contains(&(
        "試験事務".into(),
        "R8".into(),
        "request".into(),
        amount("4.0"),
        false
    )));
    assert!(found.contains(&(
        "試験事務".into(),
        "R7".into(),
        "initial".into(),
        amount("3.0"),
        true
    )));
    assert!(found.contains(&(
        "新網構築事業".into(),
        "R8".into(),
        "request".into(),
        Value::Null,
        false
    )));
    assert!(found.contains(&(
        "調査経費".into(),
        "R6".into(),
        "supplementary".into(),
        amount("1.0"),
        true
    )));
    let flags = |item: &str, fy: &str| -> Vec<Value> {
        extraction
            .nodes
            .iter()
            .find(|n| {
                n.props.get("item") == Some(&Value::String(item.into()))
                    && n.props.get("fy") == Some(&Value::String(fy.into()))
            })
            .and_then(|n| n.props.get("flags").and_then(|f| f.as_array().cloned()))
            .unwrap_or_default()
    };
    assert!(flags("新網構築事業", "R8").contains(&Value::String("new".into())));
    assert!(flags("新網構築事業", "R8").contains(&Value::String("item_request".into())));
    assert!(flags("調査経費", "R8").contains(&Value::String("item_request".into())));
    assert!(flags("試験事務", "R7").contains(&Value::String("relisted".into())));
}

#[test]
fn wrapped_names_cho_yen_split_brackets_and_fiscal_investment() {
    let text = "【予算】地方交付金（交付\nベース） 19.3兆円（７年度 19.0兆円）\n\n【予算】強靱化対策事業\n30.0億円（６年度補正 5.0億円\n\n ７年度 0. 1億円）\n\n【予算（財投等） 】\n機構の出資\n産業投資680.0億円 政府保証120.0億円（７年度 産業投資500.0億円 政府保証120.0億円）\n市場規模 ４兆円⇒８兆円\n";
    let extraction = extract(&doc(text));
    let found = budgets(&extraction);
    let amount = |a: &str| Value::String(a.into());
    assert!(found.contains(&(
        "地方交付金（交付ベース）".into(),
        "R8".into(),
        "request".into(),
        amount("193000.0"),
        false
    )));
    assert!(found.contains(&(
        "強靱化対策事業".into(),
        "R7".into(),
        "initial".into(),
        amount("0.1"),
        false
    )));
    assert!(found.contains(&(
        "機構の出資".into(),
        "R8".into(),
        "fiscal_investment".into(),
        amount("680.0"),
        false
    )));
    assert!(found.contains(&(
        "機構の出資".into(),
        "R7".into(),
        "fiscal_investment".into(),
        amount("120.0"),
        false
    )));
    assert!(found.iter().all(|b| b.3 != amount("40000")));
    assert!(!extraction.unparsed.is_empty());
}

#[test]
fn body_printed_before_its_header_joins_that_header() {
    let text = "Ⅰ 地域\n１．活性化\n（１）交流の推進\n交流の推進\n• 推進する。\n【予算】交流事業 1.0億円\n 救急の展開\n• 展開する。\n【予算】救急の展開 事項要求（新規）\n\nⅠ 地域\n１．活性化\n（２）救急の展開\n";
    let extraction = extract(&doc(text));
    assert!(has_edge(&extraction, "救急の展開", Rel::PartOf, "活性化"));
    assert!(!has_edge(
        &extraction,
        "救急の展開",
        Rel::PartOf,
        "交流の推進"
    ));
    assert!(has_edge(
        &extraction,
        "救急の展開",
        Rel::HasBudget,
        "救急の展開"
    ));
}

#[test]
fn agencies_and_their_stated_roles() {
    let text = "１．研究の推進\n（１）データ整備\nデータの整備\n• 国立研究開発法人\n\n情報通信研究機構（NICT）が拠点となり、データを整備。\n• 厚生労働省と連携し、NICTの知見を活用。\n• 総務省行政評価局が調査。\n【予算】データ整備事業 1.0億円\n※一部デジタル庁一括計上予算\n";
    let extraction = extract(&doc(text));
    assert!(has_edge(
        &extraction,
        "データの整備",
        Rel::Responsible,
        "国立研究開発法人情報通信研究機構"
    ));
    assert!(has_edge(
        &extraction,
        "データの整備",
        Rel::CollaboratesWith,
        "厚生労働省"
    ));
    assert!(has_edge(
        &extraction,
        "総務省行政評価局",
        Rel::PartOf,
        "agency:総務省"
    ));
    assert!(has_edge(
        &extraction,
        "データ整備事業",
        Rel::CollaboratesWith,
        "デジタル庁"
    ));
    let nict = extraction
        .nodes
        .iter()
        .find(|n| n.name == "国立研究開発法人情報通信研究機構");
    assert!(nict.is_some_and(|n| n.aliases.contains(&"NICT".to_string())));
}

fn check_sources(doc: &SeedDoc, extraction: &Extraction) {
    let sources = extraction
        .nodes
        .iter()
        .flat_map(|n| &n.sources)
        .chain(extraction.edges.iter().flat_map(|e| &e.sources))
        .chain(&extraction.unparsed);
    for source in sources {
        let lines: Vec<&str> = (source.line_start..=source.line_end)
            .map(|n| doc.line(n))
            .collect();
        assert!(source.line_start >= 1 && source.line_start <= source.line_end);
        assert!(
            lines.join("\n").contains(source.quote.as_str()),
            "{source:?}"
        );
    }
    for node in &extraction.nodes {
        assert!(!node.sources.is_empty(), "{node:?}");
    }
    for edge in &extraction.edges {
        assert!(!edge.sources.is_empty(), "{edge:?}");
    }
}

#[test]
fn real_seed_extracts_the_deck() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Ok(corpus) = Corpus::load(&dir) else {
        panic!("seed corpus missing");
    };
    let docs: Vec<&SeedDoc> = corpus
        .docs
        .iter()
        .filter(|d| d.info.kind == DocKind::BudgetRequest)
        .collect();
    assert!(!docs.is_empty());
    for seed in docs {
        let extraction = extract(seed);
        check_sources(seed, &extraction);
        let count = |t: NodeType| extraction.nodes.iter().filter(|n| n.node_type == t).count();
        assert!(count(NodeType::Budget) > 250, "{}", count(NodeType::Budget));
        assert!(count(NodeType::Theme) >= 5);
        assert!(count(NodeType::Policy) >= 15);
        let found = budgets(&extraction);
        assert!(
            found.iter().any(|b| b.1 == "R8"
                && b.2 == "request"
                && b.3 == Value::String("193000.0".into()))
        );
    }
}

proptest! {
    #[test]
    fn never_panics_on_random_text(text in "(\\PC|\n|【予算】|（６年度補正 |億円|事項要求|Ⅰ |１．|（１）| ){0,80}") {
        let seed = doc(&text);
        let extraction = extract(&seed);
        check_sources(&seed, &extraction);
    }
}

#[test]
fn year_tokens_are_read_by_the_shared_fiscal_year_recogniser() {
    let years = |text: &str| -> Vec<(u16, bool, bool)> {
        scan_events(text)
            .into_iter()
            .filter_map(|event| match event {
                Event::Year {
                    year,
                    era_heisei,
                    supplementary,
                    ..
                } => Some((year, era_heisei, supplementary)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(years("令和６年度補正予算 12億円"), [(6, false, true)]);
    assert_eq!(years("（７年度 385.4億円）"), [(7, false, false)]);
    assert_eq!(years("平成30年度 1.0億円"), [(30, true, false)]);
    assert_eq!(years("令和元年度 2.0億円"), [(1, false, false)]);
    assert!(
        years("2025年度 大阪・関西万博").is_empty(),
        "a calendar label"
    );
}
