//! Tests of the reader.

use super::*;
use crate::corpus::{Corpus, DocKind};
use crate::extract::test_support::{budget_nodes, flag_prop, text_prop};
use proptest::prelude::*;
use std::path::Path;

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::BudgetOverview, "test", text)
}

fn budgets(ex: &Extraction) -> Vec<(String, String, String, String, Vec<String>, bool)> {
    budget_nodes(ex)
        .map(|n| {
            let s = |k: &str| text_prop(n, k);
            let flags = n
                .props
                .get("flags")
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|f| f.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            (
                s("item"),
                s("fy"),
                s("kind"),
                s("amount_oku_yen"),
                flags,
                flag_prop(n, "inclusive"),
            )
        })
        .collect()
}

fn has_budget(ex: &Extraction, item: &str, fy: &str, kind: &str, amount: &str) -> bool {
    budgets(ex)
        .iter()
        .any(|b| b.0 == item && b.1 == fy && b.2 == kind && b.3 == amount)
}

fn assert_quotes_exact(doc: &SeedDoc, ex: &Extraction) {
    let sources = ex
        .nodes
        .iter()
        .flat_map(|n| n.sources.iter())
        .chain(ex.edges.iter().flat_map(|e| e.sources.iter()));
    for source in sources {
        let lines: Vec<&str> = (source.line_start..=source.line_end)
            .map(|l| doc.line(l))
            .collect();
        assert!(
            lines.join("\n").contains(source.quote.as_str()),
            "quote {:?} not in lines {}-{}",
            source.quote,
            source.line_start,
            source.line_end
        );
        assert!(source.quote.chars().count() <= MAX_QUOTE_CHARS);
    }
}

const SNIPPET: &str = "令和12年度 某省所管予算(案)の概要\n\n第1 一般会計\n令和12年度予算額（案）\t1兆2,000億円\n令和11年度予算額\t1兆1,000億円\n比較増減額\t▲ 1,000億円\n（億円）\n区分\t令和12年度 予算額(案) A\t令和11年度 予算額 B\t比較増減額 (A-B) C\t増減率 (C/B)%\n甲経費\t7,000\t8,000\t▲ 1,000\t▲ 12.5\n乙経費\t5,000\t3,000\t2,000\t66.7\n\n令和12年度予算(案)における主要事項\nI 地域の振興\n1. 地域の活性化\t10.5億円\n(1) 人材の育成\t4.0 億円\n(2) 基盤の整備\t6.5 億円\n(3) 防災の推進\t〔2.0 億円〕\n2. 防災力の強化\n\n2.0億円\n\n(1) 防災の推進\t2.0 億円\n\nI 地域の振興\n1. 地域の活性化 10.5億円\n(1) 人材の育成 **4.0 (3.5)**\n(a) 研修の充実\n3.0 (3.0)\n- ・ 某研究機構(ABC)において研修を実施\n【主な経費】研修事業費 3.0億円 [令和11年度補正予算 1.2億円]\n追加研修経費 1.0億円（新規）\n(2) 基盤の整備 6.5(7.0)\n- ・ 「基盤整備計画」に基づき整備\n【主な経費】基盤整備交付金\nうち整備支援事業 6.5 億円\n(3) 防災の推進 [2.0 (1.0)]\n【主な経費】防災事業：令和11年度補正予算 0.5億円の内数(再掲)\n2. 防災力の強化 2.0億円\n(1) 防災の推進 2.0(1.0)\n\n令和12年度 財投要求事項\n◎某支援機構(XYZ)を活用した支援\n[産業投資 100 億円、政府保証 50 億円]\n";

#[test]
fn reads_synthetic_overview_of_another_year() {
    let d = doc(SNIPPET);
    let ex = extract(&d);
    assert_quotes_exact(&d, &ex);
    assert!(has_budget(&ex, "一般会計", "R12", "initial", "12000"));
    assert!(has_budget(&ex, "一般会計", "R11", "initial", "11000"));
    assert!(has_budget(&ex, "甲経費", "R12", "initial", "7000"));
    assert!(has_budget(&ex, "甲経費", "R11", "initial", "8000"));
    assert!(
        !budgets(&ex)
            .iter()
            .any(|b| b.2 == "other" || b.3.starts_with('-')),
        "a change is not a budget"
    );
    let change_of = |item: &str| {
        ex.nodes
            .iter()
            .find(|n| {
                n.props.get("item").and_then(|v| v.as_str()) == Some(item)
                    && n.props.get("fy").and_then(|v| v.as_str()) == Some("R12")
            })
            .map(|n| {
                let text = |key: &str| n.props.get(key).and_then(|v| v.as_str()).map(String::from);
                (text("change_oku_yen"), text("change_rate"))
            })
    };
    assert_eq!(change_of("一般会計"), Some((Some("-1000".into()), None)));
    assert_eq!(
        change_of("甲経費"),
        Some((Some("-1000".into()), Some("-12.5".into())))
    );
    assert_eq!(
        change_of("乙経費"),
        Some((Some("2000".into()), Some("66.7".into())))
    );
    assert!(has_budget(&ex, "人材の育成", "R12", "initial", "4.0"));
    assert!(has_budget(&ex, "人材の育成", "R11", "initial", "3.5"));
    assert!(has_budget(&ex, "研修の充実", "R11", "initial", "3.0"));
    assert!(has_budget(&ex, "研修事業費", "R11", "supplementary", "1.2"));
    assert!(has_budget(&ex, "追加研修経費", "R12", "initial", "1.0"));
    assert!(has_budget(&ex, "整備支援事業", "R12", "initial", "6.5"));
    assert!(has_budget(&ex, "防災力の強化", "R12", "initial", "2.0"));
    assert!(has_budget(
        &ex,
        "某支援機構(XYZ)を活用した支援",
        "R12",
        "fiscal_investment",
        "100"
    ));
    assert!(has_budget(
        &ex,
        "某支援機構(XYZ)を活用した支援",
        "R12",
        "fiscal_investment",
        "50"
    ));
    let relisted = budgets(&ex)
        .into_iter()
        .find(|b| b.0 == "防災事業")
        .map(|b| (b.4.contains(&"relisted".to_string()), b.5));
    assert_eq!(relisted, Some((true, true)));
    let bracketed = budgets(&ex)
        .into_iter()
        .filter(|b| b.0 == "防災の推進" && b.4.contains(&"bracketed".to_string()))
        .count();
    assert_eq!(bracketed, 2, "〔2.0〕 and [2.0 (1.0)] of 1.(3)");
}

#[test]
fn summary_and_detail_amounts_merge_and_totals_are_stated() {
    let d = doc(SNIPPET);
    let ex = extract(&d);
    let node = ex
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Budget && n.name.starts_with("人材の育成 R12 initial"));
    assert_eq!(node.map(|n| n.sources.len()), Some(2));
    let main = ex
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Policy && n.name == "地域の活性化");
    assert_eq!(
        main.and_then(|n| n.props.get("stated_total_oku"))
            .and_then(|v| v.as_str()),
        Some("10.5")
    );
    let ids: HashSet<&str> = ex
        .nodes
        .iter()
        .filter(|n| n.name == "防災の推進")
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(ids.len(), 2, "same name at two paths stays two nodes");
}

#[test]
fn hierarchy_agencies_and_strategies() {
    let ex = extract(&doc(SNIPPET));
    let name = |id: &str| {
        ex.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    let edges: Vec<(String, Rel, String)> = ex
        .edges
        .iter()
        .map(|e| (name(&e.from), e.rel, name(&e.to)))
        .collect();
    let has = |a: &str, rel: Rel, b: &str| edges.iter().any(|e| e.0 == a && e.1 == rel && e.2 == b);
    assert!(has("研修の充実", Rel::PartOf, "人材の育成"));
    assert!(has("人材の育成", Rel::PartOf, "地域の活性化"));
    assert!(has("地域の活性化", Rel::PartOf, "地域の振興"));
    assert!(has("研修の充実", Rel::Responsible, "某研究機構"));
    assert!(
        has("研修事業費", Rel::Responsible, "某研究機構"),
        "the bullet describes the cost line after it"
    );
    assert!(has("基盤の整備", Rel::BasedOn, "基盤整備計画"));
    assert!(has("研修の充実", Rel::FundedBy, "研修事業費"));
    assert!(has("整備支援事業", Rel::PartOf, "基盤整備交付金"));
}

#[test]
fn merged_headings_restart_and_split_names() {
    let text = "令和9年度 予算(案)の概要\n令和9年度予算(案)における主要事項\nV 国際\n7. 国際連携\n8. サイバー\n9.9億円\nV 国際\n7. 国際連携**5.0 億円****(1) 議論をリード 2.0 (1.0)**\n(2) 海外展開 3.0 (3.0)**(a) 5Gの展開 3.0 (2.0)**\n(1) IoT対策の\n\n強化 9.9 (8.0)\n";
    let d = doc(text);
    let ex = extract(&d);
    assert_quotes_exact(&d, &ex);
    assert!(has_budget(&ex, "国際連携", "R9", "initial", "5.0"));
    assert!(has_budget(&ex, "議論をリード", "R8", "initial", "1.0"));
    assert!(has_budget(&ex, "5Gの展開", "R9", "initial", "3.0"));
    assert!(has_budget(&ex, "IoT対策の強化", "R9", "initial", "9.9"));
    let iot = ex
        .nodes
        .iter()
        .find(|n| n.name == "IoT対策の強化")
        .map(|n| n.id.clone());
    let cyber = ex
        .nodes
        .iter()
        .find(|n| n.name == "サイバー")
        .map(|n| n.id.clone());
    assert!(ex.edges.iter().any(
        |e| Some(e.from.as_str()) == iot.as_deref() && Some(e.to.as_str()) == cyber.as_deref()
    ));
}

proptest! {
    #[test]
    fn never_panics(text in "(\\PC{0,30}\n){0,12}") {
        let d = doc(&format!("令和6年度 予算(案)\n{text}"));
        let ex = extract(&d);
        for node in &ex.nodes {
            prop_assert!(!node.sources.is_empty());
        }
    }

    #[test]
    fn never_panics_on_structured_noise(
        lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "I 柱", "1. 項目\t1.0億円", "(1) 小項目 1.0 (2.0)", "(a) 細目", "3.0 (新規)",
                "【主な経費】経費 1.0億円", "[令和5年度補正予算 2.0億円]", "(後掲)", "・ 交付金 1.0(1.0)",
                "財投要求事項", "[産業投資 1 億円]", "**(b) x 1.0 (1.0)****(c) y**", "－", "うち事業 1.0億円",
                "事業名：", "令和5年度補正予算 3.0億円", "区分\t令和6年度 A\t令和5年度 B\t率%", "甲\t1\t2\t3",
            ]),
            0..30,
        )
    ) {
        let d = doc(&format!("令和6年度 予算(案)\n{}", lines.join("\n")));
        let _ = extract(&d);
    }
}

#[test]
fn real_seed() {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let Ok(corpus) = corpus else {
        return;
    };
    for d in corpus
        .docs
        .iter()
        .filter(|d| d.info.kind == DocKind::BudgetOverview)
    {
        let ex = extract(d);
        assert_quotes_exact(d, &ex);
        assert!(
            ex.nodes
                .iter()
                .filter(|n| n.node_type == NodeType::Budget)
                .count()
                > 100
        );
    }
}
