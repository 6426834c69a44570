//! Tests of the reader.

use super::*;
use crate::corpus::DocKind;
use crate::extract::test_support::{
    budget_nodes, flag_prop, has_edge, quotes_are_verbatim, seed_extractions, text_prop,
};
use proptest::prelude::*;

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(
        DocKind::PlanStatus,
        "テスト計画2040に係る対応状況について",
        text,
    )
}

fn budgets(extraction: &Extraction) -> Vec<(String, String, String, String, bool)> {
    budget_nodes(extraction)
        .map(|n| {
            let p = |k: &str| text_prop(n, k);
            (
                p("item"),
                p("fy"),
                p("kind"),
                p("amount_oku_yen"),
                flag_prop(n, "inclusive"),
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
            .and_then(Value::as_u64),
        Some(2040)
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
    for e in seed_extractions(DocKind::PlanStatus, extract) {
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
