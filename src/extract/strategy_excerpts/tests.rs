//! Tests of the reader.

use super::*;
use crate::corpus::DocKind;
use crate::extract::test_support::{has_edge, quotes_are_verbatim, seed_extractions};
use proptest::prelude::*;

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::StrategyExcerpts, "戦略領域の例", text)
}

const SAMPLE: &str = "戦略領域の例\n令和12年1月1日\n総務省情報流通行政局地域通信振興課\n\n\
「政府の重要政策」の具体例①\n\n■成長戦略2030(令和12年6月1日閣議決定)\n\n\
\t<p>1. 成長 (1)宇宙</p> <p>宇宙法に基づき、衛星を打ち上げる。</p>\n\
\t<p>1. 成長 (2)海洋</p> <p>「海洋基本計画」に基づき、海を守る。</p>\n\n\
「政府の重要政策」の具体例②\n\n■宇宙推進方針-宇宙2.0-(令和11年3月3日総務省)\n\n宇宙通信\n\n\
第1章 取組\n\n- ・ 衛星通信を推進する。\n\n\
■海洋計画骨子(案)(令和12年2月2日時点 内閣府海洋推進事務局)\n\n海洋通信\n\n- ・ 海底ケーブルを整備する。成長戦略2030の実現に向けて。\n";

#[test]
fn reads_strategies_decisions_and_agencies() {
    let d = doc(SAMPLE);
    let e = extract(&d);
    let strategy = e.nodes.iter().find(|n| n.name == "成長戦略2030");
    let prop = |k: &str| {
        strategy
            .and_then(|n| n.props.get(k))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    assert_eq!(prop("decided_on").as_deref(), Some("2030-06-01"));
    assert_eq!(prop("decided_by").as_deref(), Some("閣議決定"));
    assert!(has_edge(&e, "成長戦略2030", Rel::Responsible, "閣議"));
    assert!(has_edge(&e, "宇宙推進方針", Rel::Responsible, "総務省"));
    assert!(has_edge(
        &e,
        "海洋計画骨子(案)",
        Rel::Responsible,
        "海洋推進事務局"
    ));
    assert!(has_edge(&e, "海洋推進事務局", Rel::PartOf, "内閣府"));
    assert!(has_edge(
        &e,
        "地域通信振興課",
        Rel::PartOf,
        "情報流通行政局"
    ));
    assert!(has_edge(&e, "情報流通行政局", Rel::PartOf, "総務省"));
    let draft = e.nodes.iter().find(|n| n.name == "海洋計画骨子(案)");
    assert_eq!(
        draft
            .and_then(|n| n.props.get("status"))
            .and_then(Value::as_str),
        Some("draft")
    );
    let alias = e.nodes.iter().find(|n| n.name.starts_with("宇宙推進方針"));
    assert!(alias.is_some_and(|n| n.aliases.iter().any(|a| a == "宇宙2.0")));
    quotes_are_verbatim(&d, &e);
}

#[test]
fn rows_take_areas_by_order_and_labels() {
    let d = doc(SAMPLE);
    let e = extract(&d);
    assert!(has_edge(&e, "成長戦略2030", Rel::Targets, "宇宙通信"));
    assert!(has_edge(&e, "成長戦略2030", Rel::Targets, "海洋通信"));
    assert!(has_edge(&e, "宇宙推進方針", Rel::Targets, "宇宙通信"));
    assert!(has_edge(&e, "海洋計画骨子", Rel::Targets, "海洋通信"));
    assert!(has_edge(&e, "成長戦略2030", Rel::BasedOn, "宇宙法"));
    assert!(has_edge(&e, "成長戦略2030", Rel::BasedOn, "海洋基本計画"));
    let chapter = e.edges.iter().find(|x| {
        x.rel == Rel::Targets && x.props.get("basis").and_then(Value::as_str) == Some("row order")
    });
    assert!(chapter.and_then(|x| x.props.get("chapter")).is_some());
}

#[test]
fn real_seed_is_read() {
    for e in seed_extractions(DocKind::StrategyExcerpts, extract) {
        let strategies = e
            .nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Strategy)
            .count();
        assert!(strategies >= 8);
        assert!(e.edges.iter().filter(|x| x.rel == Rel::Targets).count() >= 16);
        assert!(!e.nodes.iter().any(|n| n.node_type == NodeType::Budget));
    }
}

proptest! {
    #[test]
    fn never_panics(text in "(\\PC|\\t|\\n|■|(令和7年6月13日閣議決定)|<p>|</p>|「|」|- ・ ){0,200}") {
        let d = doc(&text);
        let e = extract(&d);
        quotes_are_verbatim(&d, &e);
    }
}
