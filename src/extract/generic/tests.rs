use super::extract;
use crate::corpus::{DocKind, SeedDoc};
use crate::extract::test_support::quotes_are_verbatim;
use crate::graph::model::{NodeType, Rel, node_id};

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::Other, "", text)
}

fn names(text: &str, node_type: NodeType) -> Vec<String> {
    let d = doc(text);
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == node_type)
        .map(|n| n.name.clone())
        .collect()
}

#[test]
fn numbered_sentences_and_footnotes_are_prose_not_items() {
    let text = "第1章　データ流通の進展\n本章では概観する。第1節　通信インフラ\n1　固定通信\n\
                1　パソコン通信の利用者は、1991年で115万人だったものが、1996年には573万人にまで増加した。\n\
                2030年頃に実現する。";
    assert_eq!(
        names(text, NodeType::Measure),
        ["データ流通の進展", "固定通信"]
    );
    assert!(names(text, NodeType::Budget).is_empty());
}

#[test]
fn a_change_in_running_text_goes_onto_the_items_figure() {
    let d = doc("令和9年度予算の概要\n１．基盤整備 50億円\n前年度比 △5億円\n");
    let extraction = extract(&d);
    let budgets: Vec<_> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .collect();
    assert_eq!(budgets.len(), 1, "{budgets:?}");
    assert_eq!(budgets[0].props["amount_oku_yen"], "50");
    assert_eq!(budgets[0].props["fy"], "R9");
    assert_eq!(budgets[0].props["kind"], "initial");
    assert_eq!(budgets[0].props["change_oku_yen"], "-5");
}

#[test]
fn amounts_without_a_year_are_reported_not_guessed() {
    let d = doc("予算の概要\n１．基盤整備 50億円\n");
    let extraction = extract(&d);
    assert!(
        !extraction
            .nodes
            .iter()
            .any(|n| n.node_type == NodeType::Budget)
    );
    assert_eq!(extraction.unparsed.len(), 1);
}

#[test]
fn html_derived_tables_read_like_any_other() {
    let d = doc(
        "<h1>令和6年度補正予算の概要</h1>\n<table>\n<tr><th>事業名</th><th>補正予算額（百万円）</th></tr>\n<tr><td>防災拠点整備事業</td><td>1,500</td></tr>\n</table>",
    );
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let budget = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Budget)
        .expect("a budget");
    assert_eq!(budget.props["item"], "防災拠点整備事業");
    assert_eq!(budget.props["amount_oku_yen"], "15");
    assert_eq!(budget.props["fy"], "R6");
    assert_eq!(budget.props["kind"], "supplementary");
}

#[test]
fn bracketed_amounts_and_breakdowns_belong_to_their_items() {
    let d = doc(
        "令和8年度概算要求の概要\n### (1) 防災の推進【1,234百万円】\n（うち消防団支援 200百万円）\n",
    );
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let mut figures: Vec<(String, String, String, String)> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .map(|n| {
            let text = |key: &str| n.props[key].as_str().unwrap_or_default().to_string();
            (
                text("item"),
                text("fy"),
                text("kind"),
                text("amount_oku_yen"),
            )
        })
        .collect();
    figures.sort();
    let expected = [
        ("消防団支援", "R8", "request", "2"),
        ("防災の推進", "R8", "request", "12.34"),
    ]
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()));
    assert_eq!(figures, expected);
    assert!(crate::extract::test_support::has_edge(
        &extraction,
        "消防団支援",
        crate::graph::model::Rel::PartOf,
        "防災の推進"
    ));
}

#[test]
fn amounts_that_no_budget_wording_surrounds_are_not_budgets() {
    let d = doc(
        "第4章　ICT市場の動向\n2021年度の電気通信業に係る売上高の合計は、約15兆円と推計される。\n\
         売上高は、2021年度は3兆7,157億円（前年度比8.5％増）、広告費は1兆円（前年度 9,000億円）。\n\
         （単位：億円）\n区分\t2021年度\t2022年度\nクラウド\t1,200\t1,500\n",
    );
    let extraction = extract(&d);
    assert!(
        !extraction
            .nodes
            .iter()
            .any(|n| n.node_type == NodeType::Budget),
        "market sizes are not budgets"
    );
}

#[test]
fn a_labelled_total_before_any_heading_is_the_documents_headline() {
    let text = "令和７年度地域振興関係補正予算の概要\n\n【補正予算額】　１，２００億円\n（うち一般会計　１，１５０億円、財政投融資　５０億円）\n\n１．道路の補修　８００億円\n";
    let d = doc(text);
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let budgets: Vec<(String, String)> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .map(|n| {
            let text = |key: &str| {
                n.props
                    .get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            (text("item"), text("amount_oku_yen"))
        })
        .collect();
    for (item, amount) in [
        ("補正予算額", "1200"),
        ("一般会計", "1150"),
        ("道路の補修", "800"),
    ] {
        assert!(
            budgets
                .iter()
                .any(|(i, a)| i == item && a.parse::<f64>().ok() == amount.parse::<f64>().ok()),
            "{item} {amount}: {budgets:?}"
        );
    }
}

#[test]
fn a_figure_card_is_an_indicator_of_the_item_it_stands_under() {
    let text = "1. 行政相談の推進\n\n令和5年度\n受付件数\n\n130,210件\n";
    let d = doc(text);
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let indicator = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("an indicator");
    assert_eq!(indicator.name, "行政相談の推進 受付件数");
    assert!(indicator.aliases.iter().any(|a| a == "受付件数"));
    assert_eq!(indicator.props["actuals"]["2023"], "130,210件");
    assert!(
        extraction
            .edges
            .iter()
            .any(|e| e.rel == crate::graph::model::Rel::EvaluatedBy && *e.to == *indicator.id)
    );
}

#[test]
fn a_roadmap_gives_indicators_due_by_year_of_the_item_it_stands_under() {
    // The document is dated 2030: the 2020 line is history, not a target.
    let text = "1. 多言語翻訳の推進\n\n2035年 交渉にも使える同時通訳\n\n2032年 文脈を補う同時通訳\n\n\
                2020年 日常生活を支える翻訳\n";
    let d = doc(text);
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let due: Vec<(&str, &serde_json::Value)> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Indicator)
        .map(|n| (n.name.as_str(), &n.props["target_year"]))
        .collect();
    assert_eq!(
        due,
        [
            ("交渉にも使える同時通訳", &2035.into()),
            ("文脈を補う同時通訳", &2032.into())
        ]
    );
    let item = node_id(NodeType::Measure, "多言語翻訳の推進");
    assert!(
        extraction
            .edges
            .iter()
            .any(|e| e.rel == Rel::EvaluatedBy && *e.from == *item)
    );
}
