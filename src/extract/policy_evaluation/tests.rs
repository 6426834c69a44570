//! Tests of the policy evaluation reader.

use super::*;
use crate::corpus::{Corpus, DocKind};
use crate::extract::test_support::{budget_nodes, text_prop};
use proptest::prelude::*;
use std::path::Path;

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::PolicyEvaluation, "評価書", text)
}

fn names(ex: &Extraction, t: NodeType) -> Vec<String> {
    ex.nodes
        .iter()
        .filter(|n| n.node_type == t)
        .map(|n| n.name.clone())
        .collect()
}

fn budgets(ex: &Extraction) -> Vec<(String, String, String)> {
    budget_nodes(ex)
        .map(|n| {
            let p = |k: &str| text_prop(n, k);
            let amount = p("amount_oku_yen")
                .parse::<Decimal>()
                .map(|d| d.normalize().to_string())
                .unwrap_or_default();
            (p("fy"), p("kind"), amount)
        })
        .collect()
}

const HEADER: &str = "令和６年度\n主要な政策に係る評価書\n\n政策名 政策７：テスト推進施策\n\n担当部局・課室名 情報流通行政局 地域通信振興課、放送政策課 他２課室\n\n作成責任者名 情報流通行政局地域通信振興課長 山田 太郎\n\n政策評価実施時期 令和６年９月\n";

#[test]
fn reads_policy_header_and_agencies() {
    let ex = extract(&doc(HEADER));
    assert_eq!(names(&ex, NodeType::Policy), ["テスト推進施策"]);
    let agencies = names(&ex, NodeType::Agency);
    assert!(agencies.contains(&"情報流通行政局".to_string()));
    assert!(agencies.contains(&"情報流通行政局放送政策課".to_string()));
    assert!(ex.edges.iter().any(|e| e.rel == Rel::Responsible));
    let policy = ex.nodes.iter().find(|n| n.node_type == NodeType::Policy);
    assert_eq!(
        policy
            .and_then(|p| p.props.get("evaluation_date"))
            .and_then(|v| v.as_str()),
        Some("令和6年9月")
    );
}

#[test]
fn page_titles_name_the_item_their_pages_are_about() {
    let text = format!(
        "{HEADER}\n○地域連携の推進\n（R6予算：1.0億円）\n○別の支援策\n（R6予算：2.0億円）\n\n\n\n 地域連携の推進（施策の概要） 5\n「地域活性化計画2030」の実現に向け、連携を支援。\n\n\n\n テスト協力隊の推進\n・受入団体数の割合\n\n\n\n テスト協力隊の推進\n・登録された隊員の人数\n"
    );
    let ex = extract(&doc(&text));
    assert!(
        crate::extract::test_support::has_edge(
            &ex,
            "地域連携の推進",
            Rel::Implements,
            "地域活性化計画2030"
        ),
        "{:?}",
        ex.edges
    );
    assert!(names(&ex, NodeType::Measure).contains(&"テスト協力隊の推進".to_string()));
    assert!(crate::extract::test_support::has_edge(
        &ex,
        "テスト協力隊の推進",
        Rel::EvaluatedBy,
        "受入団体数の割合"
    ));
}

#[test]
fn circled_items_naming_programs_are_programs_of_their_page() {
    let text = format!(
        "{HEADER}\n○テスト研究支援\n（R6予算：3.0億円）\n①基盤技術創出型\nプログラム\n\n②設備整備事業\n③利用者の声を聞く\n"
    );
    let ex = extract(&doc(&text));
    let programs = names(&ex, NodeType::Program);
    assert!(
        programs.contains(&"基盤技術創出型プログラム".to_string()),
        "{programs:?}"
    );
    assert!(
        programs.contains(&"設備整備事業".to_string()),
        "{programs:?}"
    );
    assert!(!programs.iter().any(|p| p.contains("利用者")));
    assert!(crate::extract::test_support::has_edge(
        &ex,
        "設備整備事業",
        Rel::PartOf,
        "テスト研究支援"
    ));
}

#[test]
fn targets_under_a_plan_title_are_the_plans() {
    let text = format!(
        "{HEADER}\n○テスト整備\n（R6予算：1.0億円）\n\n地域通信整備計画（無線）令和４年３月29日 制定\n③ 光回線世帯カバー率\n\n【2027年度末】\n\n全国95%\n"
    );
    let ex = extract(&doc(&text));
    assert!(
        crate::extract::test_support::has_edge(
            &ex,
            "地域通信整備計画",
            Rel::Targets,
            "光回線世帯カバー率"
        ),
        "{:?}",
        ex.edges
    );
    let plan = ex.nodes.iter().find(|n| n.name == "地域通信整備計画");
    assert_eq!(
        plan.and_then(|p| p.props.get("decided_on"))
            .and_then(|v| v.as_str()),
        Some("2022-03-29")
    );
}

#[test]
fn reads_bullet_budgets_in_pairs() {
    let text = format!("{HEADER}\n○地域のデジタル化支援\n（R5補正：12億円、R6予算：３．５億円）\n");
    let ex = extract(&doc(&text));
    let b = budgets(&ex);
    assert!(b.contains(&("R5".into(), "supplementary".into(), "12".into())));
    assert!(b.contains(&("R6".into(), "initial".into(), "3.5".into())));
    assert!(names(&ex, NodeType::Measure).contains(&"地域のデジタル化支援".to_string()));
    for n in &ex.nodes {
        for s in &n.sources {
            let span = (s.line_start..=s.line_end)
                .map(|l| text.split('\n').nth(l as usize - 1).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(span.contains(s.quote.as_str()), "{:?}", s);
        }
    }
}

#[test]
fn label_above_amount_and_units() {
    let text = format!(
        "{HEADER}\n令和５年度補正予算\n40億円\n令和６年度当初予算 250 百万円（新規）\n上限額 年間５６０万円／人\n"
    );
    let ex = extract(&doc(&text));
    let b = budgets(&ex);
    assert!(b.contains(&("R5".into(), "supplementary".into(), "40".into())));
    assert!(b.contains(&("R6".into(), "initial".into(), "2.5".into())));
    assert_eq!(b.len(), 2);
    let new = ex.nodes.iter().any(|n| {
        n.props
            .get("flags")
            .and_then(|v| v.as_array())
            .is_some_and(|a| !a.is_empty())
    });
    assert!(new);
}

#[test]
fn target_tables_become_indicators() {
    let text = format!(
        "{HEADER}\n○テスト事業\n令和４年度 令和５年度 令和６年度 令和９年度\n目標 ー ー ー 120\n実績 30 40 ー ー\n【テスト事業に参加した団体数】\n"
    );
    let ex = extract(&doc(&text));
    let ind = ex.nodes.iter().find(|n| n.node_type == NodeType::Indicator);
    assert_eq!(
        ind.map(|n| n.name.as_str()),
        Some("テスト事業に参加した団体数")
    );
    let props = ind.map(|n| n.props.clone()).unwrap_or_default();
    assert_eq!(props.get("target_year"), Some(&serde_json::json!(2027)));
    assert_eq!(props.get("target"), Some(&serde_json::json!("120")));
    assert_eq!(
        props.get("actuals"),
        Some(&serde_json::json!({"2022": "30", "2023": "40"}))
    );
    assert!(ex.edges.iter().any(|e| e.rel == Rel::EvaluatedBy));
    assert!(ex.edges.iter().any(|e| e.rel == Rel::Targets));
}

#[test]
fn strategies_and_laws() {
    let text = format!(
        "{HEADER}\n○本施策は、「地域デジタル推進計画2030」に基づき実施。\nテスト振興法に基づく施策\n"
    );
    let ex = extract(&doc(&text));
    let s = names(&ex, NodeType::Strategy);
    assert!(s.contains(&"地域デジタル推進計画2030".to_string()));
    assert!(s.contains(&"テスト振興法".to_string()));
    assert!(ex.edges.iter().any(|e| e.rel == Rel::BasedOn));
}

#[test]
fn circled_numbers_survive_cleaning() {
    assert_eq!(clean_line("①周波数の割当て 4"), "①周波数の割当て 4");
    assert_eq!(clean_line("②ＩＣＴ活用"), "②ICT活用");
    let text = format!("{HEADER}\n ① テスト評価の推進（制度概要）政策７：テスト推進施策\n本文。\n");
    let ex = extract(&doc(&text));
    assert!(names(&ex, NodeType::Measure).contains(&"テスト評価の推進".to_string()));
}

#[test]
fn overview_lists_belong_to_their_pillars() {
    let text = format!(
        "{HEADER}\n第Ⅰ部 政策の全体像\n\n１．人の流れの創出\n\n３．地域の国際化\n\n交流プログラム（p9）、共生社会の推進\n\n移住支援事業(p4)、交流情\n報センター、集落支援員\n\n２．地域づくり\n\n地域運営組織(p7)、過疎対策(p8)\n"
    );
    let ex = extract(&doc(&text));
    let measures = names(&ex, NodeType::Measure);
    for m in [
        "交流情報センター",
        "集落支援員",
        "共生社会の推進",
        "過疎対策",
    ] {
        assert!(measures.contains(&m.to_string()), "{m}: {measures:?}");
    }
    let part_of = |item: &str, theme: &str| {
        ex.edges.iter().any(|e| {
            e.rel == Rel::PartOf
                && e.from == crate::graph::model::node_id(NodeType::Measure, item)
                && e.to == crate::graph::model::node_id(NodeType::Theme, theme)
        })
    };
    assert!(part_of("共生社会の推進", "地域の国際化"));
    assert!(part_of("集落支援員", "人の流れの創出"));
    assert!(part_of("過疎対策", "地域づくり"));
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,300}") {
        let _ = extract(&doc(&text));
        let with_header = format!("{HEADER}\n{text}");
        let _ = extract(&doc(&with_header));
    }
}

#[test]
fn real_seed() {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let Ok(corpus) = corpus else { return };
    for d in corpus
        .docs
        .iter()
        .filter(|d| d.info.kind == DocKind::PolicyEvaluation)
    {
        let ex = extract(d);
        assert!(names(&ex, NodeType::Policy).len() >= 6);
        assert!(budgets(&ex).len() >= 30);
        for n in &ex.nodes {
            for s in &n.sources {
                let span = (s.line_start..=s.line_end)
                    .map(|l| d.line(l))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(span.contains(s.quote.as_str()), "{:?}", s);
            }
        }
        for e in &ex.edges {
            for s in &e.sources {
                let span = (s.line_start..=s.line_end)
                    .map(|l| d.line(l))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(span.contains(s.quote.as_str()), "{:?}", s);
            }
        }
    }
}
