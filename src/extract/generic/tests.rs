use super::extract;
use crate::corpus::{DocKind, SeedDoc};
use crate::extract::test_support::quotes_are_verbatim;
use crate::graph::model::{NodeType, Rel, node_id};

fn doc(text: &str) -> SeedDoc {
    crate::extract::test_support::test_doc(DocKind::Other, "", text)
}

/// What the reader extracts from `text`, its quotes checked.
fn extracted(text: &str) -> crate::graph::model::Extraction {
    let d = doc(text);
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    extraction
}

fn names(text: &str, node_type: NodeType) -> Vec<String> {
    nodes_of(&extracted(text), node_type)
        .iter()
        .map(|n| n.name.clone())
        .collect()
}

/// The nodes of one type an extraction holds.
fn nodes_of(
    extraction: &crate::graph::model::Extraction,
    node_type: NodeType,
) -> Vec<&crate::graph::model::NodeDraft> {
    extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == node_type)
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

/// The budgets of a document as `item fy kind amount`, in document order.
/// Checks that each of `wanted` begins one of `budgets`.
fn assert_budgets_begin_with(budgets: &[String], wanted: &[&str]) {
    for wanted in wanted {
        assert!(
            budgets.iter().any(|b| b.starts_with(wanted)),
            "{wanted} in {budgets:?}"
        );
    }
}

/// Asserts that `found` (budget lines) holds every line of `wanted`.
fn assert_has_all(found: &[String], wanted: &[&str]) {
    for line in wanted {
        assert!(found.iter().any(|b| b == line), "{line} in {found:?}");
    }
}

fn budget_lines(text: &str) -> Vec<String> {
    budget_props(text, &["item", "fy", "kind", "amount_oku_yen"])
}

/// The budgets of a document as the properties `keys` joined by spaces (an empty one where
/// a budget has none), in document order.
fn budget_props(text: &str, keys: &[&str]) -> Vec<String> {
    extracted(text)
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .map(|n| {
            keys.iter()
                .map(|key| n.props.get(*key).and_then(|v| v.as_str()).unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_header_on_two_rows_is_read_column_by_column() {
    let text = "令和８年度概算要求の概要\n（単位：億円）\n\
                区分\t令和７年度\t令和８年度\t対前年度\t対前年度\n\
                区分\t予算額\t要求額\t増減額\t増減率\n\
                年金・医療等に係る経費\t3,294\t3,342\t48\t1.5%\n";
    assert_eq!(
        budget_lines(text),
        [
            "年金・医療等に係る経費 R7 initial 3294",
            "年金・医療等に係る経費 R8 request 3342"
        ]
    );
}

#[test]
fn a_row_under_a_header_naming_two_label_columns_belongs_to_its_last_label() {
    let text = "令和６年度補正予算の概要\n（単位：億円）\n\
                区分\t区分\t令和６年度補正予算額\n\
                一般会計\t公共事業関係費\t9,870\n\
                一般会計\t\t13,742\n";
    assert_eq!(
        budget_lines(text),
        [
            "公共事業関係費 R6 supplementary 9870",
            "一般会計 R6 supplementary 13742"
        ]
    );
}

#[test]
fn figures_before_and_after_a_supplementary_and_limits_are_not_budgets() {
    let text = "令和６年度補正予算の概要\n（単位：千円）\n\
                | 区分 | 補正前の額 | 補正額 | 補正後の額 |\n\
                | --- | ---: | ---: | ---: |\n\
                | 一般会計 | 121,350,000 | 1,234,500 | 122,584,500 |\n\n\
                第２表　地方債\n\
                起債の目的　　限度額　　起債の方法　　利率\n\
                道路整備事業　　２１５，０００千円　　証書借入　　年４．０％以内\n\n\
                会　計　名\t既決予算額\t補正額\t計\n\
                介護保険特別会計\t１，５８７，９００\t△８，３００\t１，５７９，６００\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R6 supplementary 12.345",
            "介護保険特別会計 R6 supplementary -0.083"
        ]
    );
}

#[test]
fn a_figure_note_under_a_row_gives_that_rows_earlier_figure() {
    let text = "令和６年度補正予算の概要\n（単位：億円）\n\
                １．地域脱炭素推進交付金　　　　６００億円\n\
                \u{3000}\u{3000}（令和６年度当初予算額　４２５億円）\n\
                ２．住宅の断熱改修支援　　　　４２０億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R6 supplementary 600",
            "地域脱炭素推進交付金 R6 initial 425",
            "住宅の断熱改修支援 R6 supplementary 420"
        ]
    );
}

#[test]
fn two_year_headings_in_one_cell_are_two_columns() {
    let text = "令和６年度補正予算の概要\n（単位：億円）\n\
                区分\t令和６年度当初予算額 令和６年度補正予算額\n\
                公共事業費\t６，９６３\t３，６５２\n";
    assert_eq!(
        budget_lines(text),
        [
            "公共事業費 R6 initial 6963",
            "公共事業費 R6 supplementary 3652"
        ]
    );
}

#[test]
fn two_tables_side_by_side_give_each_label_its_own_figures() {
    let text = "令和７年度 西山村予算の概要\n歳入・歳出の内訳（単位：千円）\n\
                歳入\t予算額\t構成比\t歳出\t予算額\t構成比\n\
                村税\t312,400\t13.0%\t議会費\t48,200\t2.0%\n";
    assert_eq!(
        budget_lines(text),
        ["村税 R7 initial 3.124", "議会費 R7 initial 0.482"]
    );
}

#[test]
fn a_grid_row_with_an_empty_cell_keeps_its_figures_under_their_columns() {
    let text = "令和７年度予算の概要\n（単位：億円）\n\
                事業\t令和７年度予算額\t令和６年度予算額\t比較増減\n\
                新規事業\t120\t\t\n";
    assert_eq!(budget_lines(text), ["新規事業 R7 initial 120"]);
}

#[test]
fn a_letter_spaced_total_is_one_label() {
    let text = "令和６年度補正予算の概要\n（単位：億円）\n\
                区分　　　　令和６年度当初　　令和６年度補正\n\
                一般会計　　３，２６０　　１，１５０\n\
                合　　計　　５，６８０　　１，６００\n";
    let budgets = budget_lines(text);
    assert!(
        budgets.iter().any(|b| b.ends_with("R6 initial 5680")),
        "{budgets:?}"
    );
    assert!(
        !budgets
            .iter()
            .any(|b| b.starts_with("一般会計 R6 initial 5680")),
        "{budgets:?}"
    );
}

#[test]
fn figures_listed_in_one_sentence_each_go_to_their_own_name() {
    let text = "令和６年度補正予算の概要\n補正予算総額　１，６００億円\n\
                （うち一般会計１，１５０億円、エネルギー対策特別会計４２０億円、東日本大震災復興特別会計３０億円）\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "一般会計 R6 supplementary 1150",
            "エネルギー対策特別会計 R6 supplementary 420",
            "東日本大震災復興特別会計 R6 supplementary 30",
        ],
    );
}

#[test]
fn a_table_of_one_account_row_under_an_item_gives_that_items_figures() {
    let text = "# 令和８年度 予算概算要求の概要\n\n（単位：百万円）\n\n\
                ### (1) 予測精度の向上【拡充】\n\n\
                | 区分 | 令和7年度予算額 | 令和8年度要求額 |\n|---|---:|---:|\n\
                | 一般会計 | 3,210 | 4,560 |\n\n- 予測を市町村単位へと絞り込む。\n";
    assert_eq!(
        budget_lines(text),
        [
            "予測精度の向上 R7 initial 32.10",
            "予測精度の向上 R8 request 45.60"
        ]
    );
}

#[test]
fn a_table_with_the_years_as_rows_gives_each_column_its_budgets() {
    let text = "2025年度　北原市当初予算の概要\n（単位：千円）\n\
                年度\t一般会計\t特別会計\t合計\n\
                2024年度\t39,870,000\t15,480,000\t55,350,000\n\
                2025年度\t41,230,000\t15,120,000\t56,350,000\n\
                対前年度増減\t1,360,000\t△360,000\t1,000,000\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R6 initial 398.70",
            "特別会計 R6 initial 154.80",
            "一般会計 R7 initial 412.30",
            "特別会計 R7 initial 151.20"
        ]
    );
}

#[test]
fn a_bullet_over_figure_bullets_names_their_item() {
    let text = "# 令和８年度 概算要求の概要\n\n## 要求総額\n\n- 一般会計\n  \
                - 令和８年度要求・要望額：812,345百万円\n  - 令和７年度予算額：765,432百万円\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R8 request 8123.45", "一般会計 R7 initial 7654.32"]
    );
}

#[test]
fn a_bold_bullet_over_its_figure_line_is_the_item_and_the_title_may_follow_a_bill_number() {
    let text = "議案第１５号\n\n令和８年度 環境省 概算要求の概要\n\n（単位：百万円）\n\n\
                ### (1) 地域の脱炭素化\n\n- **地域脱炭素推進交付金**\n  \
                令和8年度要求額 52,000百万円（令和7年度予算額 38,500百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R8 request 520",
            "地域脱炭素推進交付金 R7 initial 385"
        ]
    );
}

#[test]
fn a_breakdown_header_in_the_middle_is_parted_and_notes_name_parts_of_their_row() {
    // Columns set with full-width spaces: 財源内訳 parted by the row under the header, the
    // 説明 column's ○ notes (one on the row, one on a line of its own) parts of the row.
    let text = [
        "　　　　　　　　　　令和７年度　白樺台市一般会計予算説明書",
        "　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　（単位：千円）",
        "款・項・目　　　　　　　　　　　本年度予算額　前年度予算額　　　比　較　　　　　　　本年度の財源内訳　　　　　　　　　　　　　説　　明",
        "　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　国県支出金　　地方債　　　その他　　　一般財源　　",
        "　　１目　一般管理費　　　　　　　 1,284,532　　 1,250,118　　　34,414　　　　12,300　　　　　　　　　28,450　　 1,243,782　　○職員人件費　1,012,348",
        "　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　○行政事務デジタル化推進事業　58,200",
        "　　２目　文書広報費　　　　　　　　　42,810　　　　45,302　　 △2,492　　　　　　　　　　　　　　　　 1,200　　　　41,610",
    ]
    .join("\n");
    let lines = budget_lines(&text);
    assert_eq!(
        lines,
        [
            "一般管理費 R7 initial 12.84532",
            "一般管理費 R6 initial 12.50118",
            "職員人件費 R7 initial 10.12348",
            "行政事務デジタル化推進事業 R7 initial 0.582",
            "文書広報費 R7 initial 0.4281",
            "文書広報費 R6 initial 0.45302"
        ]
    );
}

#[test]
fn a_label_naming_its_own_subject_and_a_wrapped_name_end() {
    let text = "令和７年度補正予算の概要\n\
                補正予算額 ８，８１２億円\n\
                \u{3000}\u{3000}非公共事業費\u{3000}\u{3000}５，５７２億円\n\n\
                （参考）令和７年度農林水産関係当初予算額 ２兆２，７０６億円\n\n\
                ■医療機関物価高騰対策支援金（健康福祉\n\
                政策課）\n\
                \u{3000}補正額 1,236,400千円\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"農林水産関係 R7 initial 22706".to_string()),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("医療機関物価高騰対策支援金")
                && l.ends_with("R7 supplementary 12.364")),
        "{lines:?}"
    );
}

#[test]
fn rows_labelled_by_kind_under_an_item_spanning_them_give_that_kind() {
    let text = "地域交通関係予算の推移\n（単位：億円）\n\
                区分\t区分\t令和6年度\t令和7年度\n\
                確保維持改善事業\t当初予算\t211\t228\n\
                確保維持改善事業\t補正予算\t124\t136\n";
    assert_eq!(
        budget_lines(text),
        [
            "確保維持改善事業 R6 initial 211",
            "確保維持改善事業 R7 initial 228",
            "確保維持改善事業 R6 supplementary 124",
            "確保維持改善事業 R7 supplementary 136"
        ]
    );
}

#[test]
fn a_header_word_on_a_line_of_its_own_names_one_more_column() {
    let text = "令和８年度予算案の概要\n（単位：百万円、％）\n\
                令和７年度\t令和８年度\t対前年度\n\
                増減率\n\
                区\t分\t予算額\t予算案\t増△減額\n\
                防災・減災の推進\t182,450\t195,320\t12,870\t7.1\n";
    let lines = budget_lines(text);
    assert_eq!(
        lines,
        [
            "防災・減災の推進 R7 initial 1824.50",
            "防災・減災の推進 R8 initial 1953.20"
        ]
    );
}

#[test]
fn a_program_named_before_a_figure_label_takes_the_sentence_figure() {
    let text = "４　離島の生活交通の確保\n\
                離島航路・航空路確保維持事業として令和8年度当初予算に64.3億円を計上し、\
                令和7年度補正予算では、「交通空白」解消緊急対策事業として120億円を計上している。\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"離島航路・航空路確保維持事業 R8 initial 64.3".to_string()),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("交通空白") && l.ends_with("R7 supplementary 120")),
        "{lines:?}"
    );
}

#[test]
fn a_pdf_table_with_numbers_in_cells_of_their_own_and_names_wrapped_around_them() {
    // As `pdftotext -layout` gives such a table once its gaps are tabs: each row's number in
    // a cell of its own, a long name wrapped above and below its row, notes with counts and a
    // commitment on lines of their own.
    let text = "令和７年度補正予算（案）の概要\n（単位：億円）\n\
                事 項\t補正予算額\t（参考）\t備 考\n\
                １\t省エネ家電等の買換え促進支援事業【新規】\t４２０．０\t補助上限：１台当たり５万円\n\
                地域の公共施設への再エネ・蓄電池導入支\n\
                ２\t２１２．０\t補助率２／３\n\
                援事業\n\
                ３\tＰＦＡＳ対策推進事業\t２４．６\t水道水源等の調査 約１，２００地点\n\
                国庫債務負担行為 ４０億円（令和８年\n\
                ４\t国立公園の利用環境整備事業\t９５．４\t度まで）\n\
                合 計\t７５２．０\n";
    assert_eq!(
        budget_lines(text),
        [
            "省エネ家電等の買換え促進支援事業 R7 supplementary 420.0",
            "地域の公共施設への再エネ・蓄電池導入支援事業 R7 supplementary 212.0",
            "PFAS対策推進事業 R7 supplementary 24.6",
            "国立公園の利用環境整備事業 R7 supplementary 95.4",
            "令和7年度補正予算(案)の概要 R7 supplementary 752.0"
        ]
    );
}

#[test]
fn lending_compared_with_the_year_before_is_that_years_lending() {
    let text = "# 令和８年度概算要求の概要\n\n## Ⅳ 財政投融資\n\n\
                ### 独立行政法人住宅金融支援機構 （財政投融資 要求額 1,120,000百万円、前年度 980,000百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "独立行政法人住宅金融支援機構 R8 fiscal_investment 11200",
            "独立行政法人住宅金融支援機構 R7 fiscal_investment 9800"
        ]
    );
}

#[test]
fn a_pdf_list_of_projects_with_numbers_wrapped_names_and_a_funding_breakdown() {
    // As a PDF's text gives a city's 主要事業: the number and the name in cells of their own
    // beside a 事業費, a 財源内訳 whose header words wrap over lines (so the rows have more
    // cells than the header names), a name whose end sits in the row under its start, and a
    // heading between rows over the first line of such a name.
    let text = "令和８年度当初予算案の概要\n（単位：千円）\n財 源 内 訳\n\
                No.\t事 業 名\t事業費\t国庫支出\t県支出\t一般財\t担当課\n\
                市債\tその他\n金\t金\t源\n\
                Ⅰ こどもを産み育てやすいまちづくり\n\
                1\tこども医療費助成事業\t742,800\t－ 241,300\t－\t－ 501,500 こども未来部\n\
                こども家庭課\n\
                Ⅱ 未来を拓く学びの充実\n\
                小中学校体育館空調設備整備事\n\
                5\t業\t1,254,000\t418,000\t－ 752,000\t－\t84,000 教育部\n\
                6\tＧＩＧＡスクール端末更新事業\t412,300\t246,000\t－\t－\t21,000\t145,300\t教育部\n";
    assert_eq!(
        budget_lines(text),
        [
            "こども医療費助成事業 R8 initial 7.428",
            "小中学校体育館空調設備整備事業 R8 initial 12.54",
            "GIGAスクール端末更新事業 R8 initial 4.123"
        ]
    );
}

#[test]
fn an_amount_goes_to_the_purpose_it_is_needed_for_across_a_line_break() {
    let text = "令和７年度補正予算の概要\n\
                （２）被災地の住まいの再建\n\
                \u{3000}\u{3000}被災者の住まいの確保に向け、災害公営住宅の整備等に必要な経費として、\n\
                \u{3000}２１８億円を計上。\n\
                Ⅳ．財政投融資\n\
                \u{3000}財政投融資計画に３，２５０億円を追加する。\n\
                （別紙）\n\
                \u{3000}\u{3000}令和７年度補正予算（第１号）総括表\n\
                一般会計　　　　１１，４６４億円\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"災害公営住宅の整備等 R7 supplementary 218".to_string()),
        "{lines:?}"
    );
    // The attachment's account stands under no 財政投融資 heading.
    assert!(
        lines.contains(&"一般会計 R7 supplementary 11464".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_supplementary_list_with_group_totals_in_brackets_and_a_reduction() {
    let text = "令和７年度９月補正予算の概要\n\
                【物価高騰対策】\u{3000}\u{3000}計\u{3000}３，１２１，４０２千円\n\
                \u{3000}（１）医療機関等物価高騰対策支援金\u{3000}………\u{3000}１，２３４，５６７千円\n\
                \u{3000}\u{3000}（財源：重点支援地方交付金\u{3000}１，２３４，５６７千円）\n\
                【その他】\u{3000}\u{3000}計\u{3000}１１，５４４千円\n\
                \u{3000}（１）職員給与費\u{3000}………\u{3000}△１２３，４５６千円\n";
    assert_eq!(
        budget_lines(text),
        [
            "物価高騰対策 R7 supplementary 31.21402",
            "医療機関等物価高騰対策支援金 R7 supplementary 12.34567",
            "その他 R7 supplementary 0.11544",
            "職員給与費 R7 supplementary -1.23456"
        ]
    );
}

#[test]
fn a_year_word_above_a_header_names_its_first_column_and_a_row_may_leave_its_notes_out() {
    // As a PDF's text gives a request's list: `前年度` moved out of its header cell onto
    // the line above, and rows without a 備考 leaving that cell out at the end.
    let text = "令和９年度概算要求の概要\n（単位：百万円）\n前年度\n\
                No.\t事\t項\t会計\t予算額\t要求額\t増減額\t備考\n\
                1\t地域脱炭素推進交付金\t一般\t42,500\t55,000\t12,500\n\
                2\t地域共生型再エネ導入加速化支援事業\tエネ特\t－\t8,000\t8,000\t新規\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R8 initial 425",
            "地域脱炭素推進交付金 R9 request 550",
            "地域共生型再エネ導入加速化支援事業 R9 request 80"
        ]
    );
}

#[test]
fn a_project_card_gives_its_cost_not_its_funding() {
    // A city's 主な事業 as a PDF's text gives them: each project's heading over a small
    // table of its own, 事業費 set left of a spanned 財源内訳.
    let text = "令和８年度当初予算の概要\n（単位：千円）\n\
                ◆ こども医療費助成事業【拡充】 （こども家庭課）\n財源内訳\n事業費\n\
                国庫支出金 県支出金 地方債 その他 一般財源\n\
                624,380\t－ 182,000\t－ － 442,380\n\
                通院医療費の助成対象を拡大する。\n";
    assert_eq!(
        budget_lines(text),
        ["こども医療費助成事業 R8 initial 6.2438"]
    );
}

#[test]
fn a_group_with_its_total_in_the_first_label_column_heads_the_rows_beside_it() {
    let text = "令和7年度11月補正予算案の概要\n\
                区分\t事業名\t補正額 （千円）\t内容\t担当課\n\
                １　物価高騰対策 （計 1,700,000千円）\t中小企業支援事業\t1,284,500\t支援する。当初予算額 88,000千円\t商工課\n\
                \t私立学校等光熱費支援事業\t415,500\t支援する\t私学振興課\n\
                ２　防災対策 （計 96,540千円）\t避難所環境整備支援事業\t96,540\t補助率 1/2\t危機管理課\n";
    assert_eq!(
        budget_lines(text),
        [
            "物価高騰対策 R7 supplementary 17",
            "中小企業支援事業 R7 supplementary 12.845",
            "中小企業支援事業 R7 initial 0.88",
            "私立学校等光熱費支援事業 R7 supplementary 4.155",
            "防災対策 R7 supplementary 0.9654",
            "避難所環境整備支援事業 R7 supplementary 0.9654"
        ]
    );
    let extraction = extracted(text);
    let part_of = |from: &str, to: &str| {
        extraction.edges.iter().any(|e| {
            e.rel == Rel::PartOf
                && e.from == node_id(NodeType::Measure, from)
                && e.to == node_id(NodeType::Measure, to)
        })
    };
    assert!(part_of("私立学校等光熱費支援事業", "物価高騰対策"));
    assert!(part_of("避難所環境整備支援事業", "防災対策"));
}

#[test]
fn a_reasons_column_is_words_and_a_dash_one_space_before_a_note_is_an_empty_cell() {
    let text = "令和８年度当初予算\n（単位：千円）\n\
                会計区分\t令和8年度当初予算額\t令和7年度当初予算額\t増減額\t増減率（％）\t主な増減理由\n\
                一般会計\t6,845,300\t6,712,800\t132,500\t2.0 事業の増\n\
                合 計\t9,889,430\t9,779,540 109,890\t1.1\n\
                区分\t事業名\t予算額\tうち一般財源\t担当課\n\
                継続\tふるさと納税推進事業\t312,600\t－ 企画課\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 initial 68.453",
            "一般会計 R7 initial 67.128",
            "令和8年度当初予算 R8 initial 98.8943",
            "令和8年度当初予算 R7 initial 97.7954",
            "ふるさと納税推進事業 R8 initial 3.126"
        ]
    );
}

#[test]
fn a_link_to_settled_accounts_gives_no_budget() {
    let text = "令和７年度９月補正予算の概要\n（単位：千円）\n\
                １　一般会計補正額\u{3000}12,345,000千円\n\
                - 令和６年度決算の概要（一般会計 735,412,908千円）\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計補正額 R7 supplementary 123.45"]
    );
}

#[test]
fn a_change_row_of_an_items_small_table_is_its_change() {
    let text = "# 令和8年度概算要求の概要\n\n### 4. その他の経費\n\n\
                | 区分 | 金額（百万円） |\n|:--|--:|\n\
                | 令和8年度要求額 | 15,506 |\n| 令和7年度予算額 | 15,578 |\n| 対前年度増減 | △72 |\n";
    let budgets = budget_props(text, &["fy", "kind", "amount_oku_yen", "change_oku_yen"]);
    assert_eq!(budgets, ["R8 request 155.06 -0.72", "R7 initial 155.78 "]);
}

#[test]
fn a_header_on_three_lines_gives_the_total_of_split_columns() {
    // As a PDF's text gives a request's table whose 事項, 対前年度比 and 備考 span the
    // header's three lines and whose 要求額 is split by account.
    let text = "令和８年度概算要求の概要\n（単位：億円）\n\
                令和７年度\t令和８年度要求額\n\
                事項\t対前年度比\t備考\n\
                予算額\t一般会計\t特別会計\t計\n\
                （1）人材開発支援助成金\t642.3\t－\t684.5\t684.5\t1.07\t助成率 最大75%\n\
                （2）キャリアコンサルティング推進事業\t23.7\t4.8\t21.3\t26.1\t1.10\t相談拠点 47か所\n";
    assert_eq!(
        budget_lines(text),
        [
            "人材開発支援助成金 R7 initial 642.3",
            "人材開発支援助成金 R8 request 684.5",
            "キャリアコンサルティング推進事業 R7 initial 23.7",
            "キャリアコンサルティング推進事業 R8 request 26.1"
        ]
    );
}

#[test]
fn a_caption_in_the_label_cell_names_the_year_and_kind_of_its_rows() {
    let text = "令和８年度当初予算（案）のポイント\n\
                （参考）令和７年度６月補正予算で先行して実施した事業\t金額(千円)\n\
                ・プレミアム付商品券発行事業 …………………………\t248,000\n";
    assert_eq!(
        budget_lines(text),
        ["プレミアム付商品券発行事業 R7 supplementary 2.48"]
    );
}

#[test]
fn a_sentence_wrapped_over_its_amount_keeps_the_year_and_kind_it_named() {
    let text = "令和８年度当初予算の概要\n\
                ・令和７年度６月補正予算（第２号）で計上した「子育て世帯応援給付金」\n\
                \u{3000}\u{3000}38,650千円は、本予算には含まれていません。\n";
    assert_eq!(
        budget_lines(text),
        ["子育て世帯応援給付金 R7 supplementary 0.3865"]
    );
}

#[test]
fn a_review_sheet_gives_its_project_the_budget_rows_under_years() {
    // A 行政事業レビューシート: the project in a name field, years as columns with the
    // request last, kinds as rows (予／算／の／状／況 written down their side); carry-overs,
    // totals and spending are no budgets.
    let text = "行政事業レビューシート\n\n事業名\t保育対策総合支援事業費補助金\n\
                担当部局庁\t成育局\t担当課室\t保育政策課\n\n予算額・執行額 （単位：百万円）\n\
                令和５年度\t令和６年度\t令和７年度\t令和８年度\t令和９年度要求\n\
                当初予算\t43,218\t45,906\t47,352\t49,175\t53,860\n\
                予 補正予算\t12,640\t18,425\t9,870\t－\t－\n\
                算 前年度から繰越し\t5,312\t8,904\t10,217\t6,430\t－\nの\n\
                状 翌年度へ繰越し\t△8,904\t△10,217\t△6,430\t－\t－\n\
                計\t52,266\t63,018\t60,889\t55,605\t53,860\n\
                執行額\t50,162\t59,641\t59,371\t－\t－\n\n\
                事業名\t児童虐待・ＤＶ対策等総合支援事業\n\
                予算額・執行額 （単位：百万円）\n\
                令和７年度\t令和８年度\t令和９年度要求\n\
                当初予算\t24,088\t25,431\t27,960\n";
    assert_eq!(
        budget_lines(text),
        [
            "保育対策総合支援事業費補助金 R5 initial 432.18",
            "保育対策総合支援事業費補助金 R6 initial 459.06",
            "保育対策総合支援事業費補助金 R7 initial 473.52",
            "保育対策総合支援事業費補助金 R8 initial 491.75",
            "保育対策総合支援事業費補助金 R9 request 538.60",
            "保育対策総合支援事業費補助金 R5 supplementary 126.40",
            "保育対策総合支援事業費補助金 R6 supplementary 184.25",
            "保育対策総合支援事業費補助金 R7 supplementary 98.70",
            "児童虐待・DV対策等総合支援事業 R7 initial 240.88",
            "児童虐待・DV対策等総合支援事業 R8 initial 254.31",
            "児童虐待・DV対策等総合支援事業 R9 request 279.60",
        ]
    );
}

#[test]
fn a_card_drawn_in_a_box_gives_its_project_the_request_and_the_settled_amount() {
    // A prefecture's 査定 result: a card per project drawn with an open-sided box, its
    // letter-spaced labels over numbers in the unit line's 千円.
    let text = "令和８年度当初予算　編成過程の公表\n２　主要事業の査定状況\n┌──────────\n\
                │整理番号　福祉－０３　　　　　　区分　拡充\n\
                │事 業 名　医療的ケア児等支援体制整備事業\n\
                │担 当 課　福祉保健部　障がい福祉課\n\
                │                                （単位：千円）\n\
                │　前年度予算額　　　　      84,200\n\
                │　要　求　額　　　　　     126,480\n\
                │　査　定　額　　　　　     112,350　（対前年度　+28,150）\n\
                │　査定増減　　　　　　    △14,130\n\
                └──────────\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "医療的ケア児等支援体制整備事業 R7 initial 0.842 ",
            "医療的ケア児等支援体制整備事業 R8 request 1.2648 ",
            "医療的ケア児等支援体制整備事業 R8 initial 1.1235 0.2815"
        ]
    );
}

#[test]
fn a_legend_says_what_the_bracketed_figures_after_an_amount_are() {
    let text = "# 令和８年度 当初予算（案）の概要\n\
                > **金額の表示について**\n\
                > - 本資料の金額は、特に記載のない限り **百万円単位** です。\n\
                > - （　）内は令和7年度当初予算額、【　】内は対前年度増減額を示します。\n\
                ## Ⅰ 予算の規模\n\
                - **一般会計**\n\
                \x20 - 令和8年度当初予算額：748,215\n\
                \x20 - 令和7年度当初予算額：731,904\n\
                ## Ⅱ 重点施策\n\
                - こども医療費助成事業　４，２１８（３，９８７）【２３１】\n\
                - 中小企業制度融資（預託金）　38,640（41,205）【△2,565】\n\
                - スタートアップ創出推進事業　286（新規）\n\
                - 財政調整基金積立金：2,150（1,840）\n\
                - 令和8年度取崩し額：12,000\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R8 initial 7482.15 ",
            "一般会計 R7 initial 7319.04 ",
            "こども医療費助成事業 R8 initial 42.18 2.31",
            "こども医療費助成事業 R7 initial 39.87 ",
            "中小企業制度融資(預託金) R8 initial 386.40 -25.65",
            "中小企業制度融資(預託金) R7 initial 412.05 ",
            "スタートアップ創出推進事業 R8 initial 2.86 ",
            "財政調整基金積立金 R8 initial 21.50 ",
            "財政調整基金積立金 R7 initial 18.40 ",
        ]
    );
}

#[test]
fn a_grid_header_over_three_rows_keeps_the_years_of_its_top_row() {
    let text = "令和8年度当初予算（案）主要事業一覧\n（単位：千円）\n\
                部局\t事業名\t令和8年度当初予算額 (A)\t令和8年度当初予算額 (A)\t令和8年度当初予算額 (A)\t令和7年度\t令和7年度\t比較増減 (A)−(B)\n\
                部局\t事業名\t計\t財源内訳\t財源内訳\t当初予算額 (B)\t補正予算額\t比較増減 (A)−(B)\n\
                部局\t事業名\t計\t国庫支出金\t一般財源\t当初予算額 (B)\t補正予算額\t比較増減 (A)−(B)\n\
                防災部\t避難対策強化事業\t1,284,500\t642,000\t642,500\t1,102,300\t215,000\t182,200\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "避難対策強化事業 R8 initial 12.845 1.822",
            "避難対策強化事業 R7 initial 11.023 ",
            "避難対策強化事業 R7 supplementary 2.15 ",
        ]
    );
}

#[test]
fn a_sheet_grid_gives_the_kinds_beside_a_group_spelled_down_its_side() {
    let text = "行政事業レビュー\n事業名　　　　　：事業承継・引継ぎ支援事業\n\
                【予算額・執行額】　（単位：百万円）\n\
                |          |                  | 令和6年度 | 令和7年度 | 令和8年度要求 |\n\
                | 予算の   | 当初予算         |    10,390 |    10,718 |        11,965 |\n\
                | 状況     | 補正予算         |     1,800 |         - |               |\n\
                |          | 翌年度へ繰越し   |     △730 |           |               |\n\
                |          | 計               |    11,460 |    10,718 |               |\n\
                | 執行額   |                  |     9,986 |           |               |\n";
    assert_eq!(
        budget_lines(text),
        [
            "事業承継・引継ぎ支援事業 R6 initial 103.90",
            "事業承継・引継ぎ支援事業 R7 initial 107.18",
            "事業承継・引継ぎ支援事業 R8 request 119.65",
            "事業承継・引継ぎ支援事業 R6 supplementary 18",
        ]
    );
}

#[test]
fn a_header_whose_cells_wrap_over_lines_is_read_whole() {
    // As a PDF's text gives two headers whose cells wrap: parentheses and marks under
    // their words, a year over its figure word, `７→８` over `増減`.
    let text = "令和８年度予算のポイント\n１．一般会計歳出の構成\t（単位：億円）\n\
                区 分\t令和７年度予算\n（当初）\t令和８年度予算\n（政府案）\t７→８\n増減\n\
                〔歳 出〕\n一般歳出\t680,292\t695,411\t+15,119\n\n\
                ２．所管別\t（単位：百万円）\n\
                区 分\t令和８年度\n予算額（案）(A)\t令和７年度\n予算額(B)\t増減額\n\
                (A)－(B)\t（参考）令和７年度\n補正予算額（第１号）\n\
                一般会計\t20,143,826\t19,610,517\t+533,309\t1,052,310\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般歳出 R7 initial 680292 ",
            "一般歳出 R8 initial 695411 15119",
            "一般会計 R8 initial 201438.26 5333.09",
            "一般会計 R7 initial 196105.17 ",
            "一般会計 R7 supplementary 10523.10 "
        ]
    );
}

#[test]
fn a_figure_cell_keeps_its_number_before_a_remark_under_it() {
    let text = "# 令和９年度概算要求の概要\n（単位：千円）\n\
                | 事項 | 令和８年度予算額 | 令和９年度要求・要望額 | 比較増△減額 |\n\
                |:--|--:|--:|--:|\n\
                | 　(1) 次期静止気象衛星の整備 | 9,612,000 | 14,380,500<br>（うち要望額 2,500,000） | 4,768,500 |\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "次期静止気象衛星の整備 R8 initial 96.12 ",
            "次期静止気象衛星の整備 R9 request 143.805 47.685"
        ]
    );
}

#[test]
fn what_a_sentence_allocates_an_amount_to_is_named_by_it() {
    let text = "令和７年度補正予算（第１号）のポイント\n■ その他の取組\n\
                また、児童相談所のICT化・体制強化に19.5億円、こどもの居場所づくり支援に31億円を計上します。\n";
    assert_eq!(
        budget_lines(text),
        [
            "児童相談所のICT化・体制強化 R7 supplementary 19.5",
            "こどもの居場所づくり支援 R7 supplementary 31"
        ]
    );
}

#[test]
fn kinds_as_rows_under_accounts_as_columns_give_each_account_its_figure() {
    let text = "令和７年度　補正予算（第３号）の概要\n１　会計別補正額\n\
                （単位：千円）\n\
                区　分                一般会計    国民健康保険        介護保険          合　計\n\
                既定予算額           3,742,816         512,300         618,450       4,873,566\n\
                補 正 額               128,452           8,640         △4,210         132,882\n\
                計                   3,871,268         520,940         614,240       5,006,448\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R7 supplementary 1.28452",
            "国民健康保険 R7 supplementary 0.0864",
            "介護保険 R7 supplementary -0.0421"
        ]
    );
}

#[test]
fn a_sentence_gives_its_amounts_to_its_topic() {
    let text = "三 令和８年度予算の概要\n\
                まず、一般会計予算は、前年度当初予算額４７３億８，６００万円に比べ\n\
                １２億３，４００万円、２．６％の増となる４８６億２，０００万円といたしました。\n\
                このうち国民健康保険事業特別会計は、被保険者数の減少により前年度比１億８，６００万円減の\n\
                １０２億４，３００万円となっております。\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R7 initial 473.86",
            "一般会計 R8 initial 486.20",
            "国民健康保険事業特別会計 R8 initial 102.43"
        ]
    );
}

#[test]
fn names_in_brackets_lose_the_brackets_and_the_number_inside() {
    let text = "令和７年度補正予算（第１号）の概要\n\
                【Ⅰ　国民の安全・安心を守る治安基盤の強化】　　　18,925百万円\n\
                \u{3000}＜サイバー空間の安全・安心の確保＞　　　　　 6,543百万円\n";
    assert_eq!(
        budget_lines(text),
        [
            "国民の安全・安心を守る治安基盤の強化 R7 supplementary 189.25",
            "サイバー空間の安全・安心の確保 R7 supplementary 65.43"
        ]
    );
}

#[test]
fn a_note_in_parentheses_under_bullets_is_the_items_not_the_last_bullets() {
    let text = "令和７年度補正予算（第１号）の概要\n\
                ＜重要施設の警戒警備の強化＞　　　　　 4,126百万円\n\
                \u{3000}\u{3000}・要人警護用車両・防護資機材の更新\n\
                \u{3000}\u{3000}\u{3000}（前年度補正　3,688百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "重要施設の警戒警備の強化 R7 supplementary 41.26",
            "重要施設の警戒警備の強化 R6 supplementary 36.88"
        ]
    );
}

#[test]
fn a_record_table_s_year_column_gives_each_row_its_year() {
    let text = "年度\t補正回\t会計区分\t款\t事業名\t補正前の額（円）\t補正額（円）\t補正後の額（円）\t備考\n\
                2025\t第5号\t一般会計\t教育費\t学校体育館空調設置事業\t0\t312860000\t312860000\t新規\n\
                2025\t第5号\t一般会計\t衛生費\t予防接種事業\t216400000\t-48730000\t167670000\t\n\
                2025\t第5号\t一般会計\t\t歳出合計\t\t264130000\t\t\n";
    assert_eq!(
        budget_lines(text),
        [
            "学校体育館空調設置事業 R7 supplementary 3.1286",
            "予防接種事業 R7 supplementary -0.4873",
            // The total of the 一般会計's spending, named by the group its row gives and
            // what it totals.
            "一般会計歳出合計 R7 supplementary 2.6413"
        ]
    );
}

#[test]
fn a_name_begun_on_the_line_above_beside_its_department_ends_on_the_row() {
    let text = "令和９年度当初予算　要求状況（単位：百万円）\n\
                事業名        部局名        要求額    前年度当初    増減\n\
                県立病院医師確保対策事業      病院局           1,284     1,102      182\n\
                中山間地域デマンド交通        交通政策局\n\
                \u{3000}支援事業                                       356       412      △56\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "県立病院医師確保対策事業 R9 request 12.84 1.82",
            "県立病院医師確保対策事業 R8 initial 11.02 ",
            "中山間地域デマンド交通支援事業 R9 request 3.56 -0.56",
            "中山間地域デマンド交通支援事業 R8 initial 4.12 "
        ]
    );
}

#[test]
fn a_description_list_s_field_terms_give_the_heading_s_figure_and_change() {
    let text = "# 2027年度 特別会計予算の概要\n### 1. 駐車場事業特別会計\n**予算額**\n98,450,000円\n\
                **前年度比較**\n△1,230,000円\n**前年度比**\n98.8％\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        ["駐車場事業特別会計 R9 initial 0.9845 -0.0123"]
    );
}

#[test]
fn a_card_s_title_over_its_description_and_a_list_of_fields_owns_the_figures_by_year() {
    // A page's cards: a title and its badge, a description, then terms in bold over values.
    let text = "# 令和8年度当初予算の概要\n\n（単位：千円）\n\n一般会計\n\n**令和8年度**\n68,450,000千円\n\
                **令和7年度**\n66,120,000千円\n**増減**\n2,330,000千円（3.5％）\n\n\
                創業支援補助金 拡充\n\n市内で創業する方に対し、上限100万円を補助します。\n\n\
                **担当課**\n産業振興課\n**令和8年度**\n38,500千円\n**前年度**\n32,000千円\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R8 initial 684.50 23.30",
            "一般会計 R7 initial 661.20 ",
            "創業支援補助金 R8 initial 0.385 ",
            "創業支援補助金 R7 initial 0.32 "
        ]
    );
}

#[test]
fn a_report_of_how_the_budget_is_carried_out_gives_only_its_initial_and_supplementary() {
    // A city's half-yearly 財政事情: what is received, paid, carried over and in force is
    // no budget of its own.
    let text = "市の財政事情をお知らせします（令和7年度上半期）\n\n■一般会計\n\
                当初予算額：42,380,000千円\n補正予算額：1,284,716千円\n前年度繰越額：612,430千円\n\
                予算現額：44,277,146千円\n収入済額：19,204,887千円（収入率43.4パーセント）\n\
                支出済額：17,412,603千円（執行率39.3パーセント）\n\n\
                ・市税　予算現額14,926,300千円のうち、収入済額7,408,115千円（収入率49.6パーセント）\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R7 initial 423.80",
            "一般会計 R7 supplementary 12.84716"
        ]
    );
}

#[test]
fn a_tag_in_brackets_before_a_name_is_no_part_of_it() {
    let text = "2026年度 町の予算\n■今年度の主な取り組み\n\
                【学ぶ】新しい図書館の建設　6億2,500万円\n\
                \u{3000}総事業費は約14億円で、国の補助金と町債を活用します。\n\
                【住む】町営住宅の長寿命化　1億1,080万円\n";
    let budgets = budget_lines(text);
    assert!(
        budgets.contains(&"新しい図書館の建設 R8 initial 6.25".to_string())
            && budgets.contains(&"町営住宅の長寿命化 R8 initial 1.108".to_string()),
        "{budgets:?}"
    );
}

#[test]
fn labels_stacked_over_their_values_give_the_name_above_its_figures() {
    let text = "令和８年度 主要事業一覧\n\n子ども医療費助成事業\n令和８年度予算額\n令和７年度予算額\n増 減\n\n\
                No.2\n\n842,615千円\n810,300千円\n32,315千円\n\n市税収入は 31,480,000千円を見込む。\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "子ども医療費助成事業 R8 initial 8.42615 0.32315",
            "子ども医療費助成事業 R7 initial 8.103 "
        ]
    );
}

#[test]
fn a_row_of_settled_figures_and_balances_gives_nothing() {
    let text = "# 令和７年度補正予算 基金の概要\n## 既存基金の執行状況（参考）\n\
                | 基金名 | 令和６年度末残高 | 令和６年度執行額（決算） | 執行率 |\n|---|---:|---:|---:|\n\
                | 宇宙戦略基金 | ３，８１２億円 | ４８７億円 | １１．３％ |\n";
    assert_eq!(budget_lines(text), Vec::<String>::new());
}

#[test]
fn a_sheet_s_row_of_figures_only_is_its_project_s() {
    let text = "令和８年度当初予算　事業別予算説明資料\n\
                事業コード　０３－０２－０１５　　　　　　　　所管　こども未来部　保育課\n\
                事　業　名　保育士確保・定着支援事業\n\
                会計区分等　一般会計　３款民生費　２項児童福祉費\n\
                予算額（単位：千円）　　本年度　　　　　　前年度　　　　　　比　較\n\
                \u{3000}\u{3000}\u{3000}\u{3000}４８，２６０　　　　　　３９，９５０　　　　　８，３１０\n\
                財源内訳　国庫支出金　１２，０００　県支出金　６，０００　その他　０　一般財源　３０，２６０\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "保育士確保・定着支援事業 R8 initial 0.4826 0.0831",
            "保育士確保・定着支援事業 R7 initial 0.3995 "
        ]
    );
}

#[test]
fn a_grid_s_header_of_two_rows_is_read_cell_under_cell() {
    let text = "表　部局別主要事業（単位：百万円）\n\
                部局\t事業名\t令和７年度 ２月補正 予算案\t令和８年度当初予算案\t\t\t１４か月 予算計\t備考\n\
                部局\t事業名\t\t予算額\t前年度 当初\t増減\t\t備考\n\
                農林水産部\t農業用ため池防災減災事業\t1,260\t2,315\t2,480\t△165\t3,575\t改修\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "農業用ため池防災減災事業 R7 supplementary 12.60 ",
            "農業用ため池防災減災事業 R8 initial 23.15 -1.65",
            "農業用ため池防災減災事業 R7 initial 24.80 "
        ]
    );
}

#[test]
fn a_header_naming_another_year_s_figure_in_parentheses_reads_it_from_the_cells() {
    let text = "# 令和９年度 概算要求の主要事項\n（単位：億円）\n\
                | 事　項 | 令和９年度<br>要求・要望額<br>（令和８年度予算額） | 対前年度<br>増減額 | 主な内容 |\n\
                |:--|--:|--:|:--|\n\
                | 再犯防止施策の推進 | **86.4**<br>〔うち要望 12.0〕<br>（78.9） | +7.5 | 就労支援 |\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "再犯防止施策の推進 R8 initial 78.9 ",
            "再犯防止施策の推進 R9 request 86.4 7.5"
        ]
    );
}

#[test]
fn a_long_table_gives_each_row_s_figure_to_the_item_it_names() {
    let text = "年度\t会計\t事業名\t所管課\t区分\t値\t単位\t備考\n\
                2027\t一般会計\tがん検診推進事業\t健康づくり課\t予算額\t96842\t千円\t\n\
                2027\t一般会計\tがん検診推進事業\t健康づくり課\t前年度予算額\t98110\t千円\t2026年度当初\n\
                2027\t一般会計\tがん検診推進事業\t健康づくり課\t増減額\t-1268\t千円\t\n\
                2025\t一般会計\tがん検診推進事業\t健康づくり課\t決算額\t90315\t千円\t\n\
                2027\t一般会計\tがん検診推進事業\t健康づくり課\t活動指標:受診者数\t18400\t人\t目標値\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "がん検診推進事業 R9 initial 0.96842 -0.01268",
            "がん検診推進事業 R8 initial 0.9811 "
        ]
    );
}

#[test]
fn a_review_sheet_s_field_grid_names_the_project_its_kind_rows_under_years_give_figures() {
    // A PDF's text of a 行政事業レビューシート: the name field in a grid of fields, the years
    // without their era over rows of kinds, the rest of a header cell and letters spelled
    // down the side between the rows, the unit below the table.
    let text = "事業名\t農地集積加速化事業\t担当部局庁\t経営局\t作成責任者\t課長\n\
                事業の目的\t担い手への農地の集積を加速する。\n\
                ５年度\t６年度\t７年度\t８年度要求\n\
                主な増減理由\n\
                当初予算\t1,200\t1,300\t1,450\t1,600\n\
                補正予算\t500\t-\t700\t-\n\
                予\t予\n\
                算\t前年度から繰越し\t100\t200\t300\t-\n\
                額\n\
                計\t1,800\t1,500\t2,450\t1,600\n\
                執行額\t1,700\t1,400\n\
                （単位：百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "農地集積加速化事業 R5 initial 12",
            "農地集積加速化事業 R6 initial 13",
            "農地集積加速化事業 R7 initial 14.50",
            "農地集積加速化事業 R8 request 16",
            "農地集積加速化事業 R5 supplementary 5",
            "農地集積加速化事業 R7 supplementary 7",
        ]
    );
}

#[test]
fn an_open_data_row_s_kind_cell_names_which_budget_its_figure_is() {
    let text = "年度,会計,事業番号,事業名,予算区分,金額(千円)\n\
                令和7年度,一般会計,0102,庁舎改修事業,当初,58400\n\
                令和7年度,一般会計,0102,庁舎改修事業,6月補正,12400\n\
                令和7年度,一般会計,0301,給付金事業,第2号補正,486300\n"
        .replace(',', "\t");
    assert_eq!(
        budget_lines(&text),
        [
            "庁舎改修事業 R7 initial 0.584",
            "庁舎改修事業 R7 supplementary 0.124",
            "給付金事業 R7 supplementary 4.863",
        ]
    );
}

#[test]
fn a_project_s_cost_beside_the_state_s_share_is_no_budget_even_letter_spaced() {
    let text = "令和７年度補正予算の概要\n（単位：億円）\n\
                | 事　項 | 国　費 | 事業費 |\n|:---|---:|---:|\n\
                | 流域治水対策 | 4,215.2 | 6,380.0 |\n";
    assert_eq!(budget_lines(text), ["流域治水対策 R7 supplementary 4215.2"]);
}

#[test]
fn the_upper_row_of_a_two_row_header_is_no_caption_of_the_total() {
    let text = "会計別予算総括表\n（単位：千円）\n\
                会計名\t令和８年度\t令和７年度\n\
                \t当初予算額\t当初予算額\n\
                一般会計\t5,198,000\t5,191,000\n\
                介護保険特別会計\t1,026,710\t994,350\n\
                合計\t6,224,710\t6,185,350\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"会計別予算総括表 R8 initial 62.2471".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_unit_column_gives_each_row_its_unit_and_a_division_is_no_name() {
    let text = "事業番号\t事務事業名\t担当課\t令和7年度予算額\t令和8年度予算額\t対前年度増減額\t単位\n\
                1-01\t放課後児童クラブ運営事業\tこども未来課\t438920\t465100\t26180\t千円\n\
                1-02\t児童手当支給事業\tこども家庭課\t3512\t3498\t-14\t百万円\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "放課後児童クラブ運営事業 R7 initial 4.3892 ",
            "放課後児童クラブ運営事業 R8 initial 4.651 0.2618",
            "児童手当支給事業 R7 initial 35.12 ",
            "児童手当支給事業 R8 initial 34.98 -0.14",
        ]
    );
}

#[test]
fn a_column_set_in_brackets_and_items_after_a_tag_in_square_brackets() {
    let text = "令和８年度　当初予算の概要\n１．会計別予算額\n（単位：千円、％）\n\
                会計名                令和８年度  〔   令和７年度〕      増減額   増減率\n\
                一般会計              6,480,000  〔  6,215,000〕    265,000     4.3\n\
                \n２．主な新規・拡充事業\n\
                【新】子育て世帯住宅取得支援事業　（まちづくり推進課）\n\
                町内に住宅を取得した子育て世帯に対し、取得費の一部を補助します。\n\
                事業費：12,000千円\n\
                【拡】外出支援タクシー助成事業　（福祉課）\n\
                事業費：8,400千円〔前年度：5,200千円〕\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 initial 64.80",
            "一般会計 R7 initial 62.15",
            "子育て世帯住宅取得支援事業 R8 initial 0.12",
            "外出支援タクシー助成事業 R8 initial 0.084",
            "外出支援タクシー助成事業 R7 initial 0.052",
        ]
    );
}

#[test]
fn figures_with_note_marks_and_rows_whose_name_spans_the_row_below() {
    let text = "令和７年度補正予算の概要\n（単位：百万円）\n\
                事\t項\t補正予算額\t主な内容\n\
                １ 地域脱炭素推進交付金\t38,000※1 先行地域への支援\n\
                ２ 住宅の省エネ化支援\t※2\t窓の断熱改修への補助\n\
                135,000\n\
                ３ 浄化槽整備推進事業\t8,750 合併処理浄化槽への転換\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R7 supplementary 380",
            "浄化槽整備推進事業 R7 supplementary 87.50",
        ]
    );
    let spanned = "令和8年度当初予算案\n（単位：千円）\n\
                   事業名\t年度\t金額\t増減額\t担当課\n\
                   保育料無償化事業\tR8\t1,284,500\t132,200\t子ども家庭課\n\
                   \tR7\t1,152,300\t\t子ども家庭課\n";
    assert_eq!(
        budget_lines(spanned),
        [
            "保育料無償化事業 R8 initial 12.845",
            "保育料無償化事業 R7 initial 11.523",
        ]
    );
}

#[test]
fn a_pie_chart_legend_names_its_accounts_without_their_shares() {
    let text = "令和8年度当初予算\n◆一般会計　歳出\n\
                \u{3000}民生費\u{3000}\u{3000}32.1%\u{3000}21億9,700万円\u{3000}…福祉、子育て支援など\n\
                \u{3000}町税\u{3000}\u{3000}23.7%\u{3000}16億2,300万円\n\
                \u{3000}世帯\u{3000}\u{3000}1万円\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"民生費 R8 initial 21.97".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"町税 R8 initial 16.23".to_string()),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("世帯")), "{lines:?}");
}

#[test]
fn a_bulleted_clause_names_its_figure_by_its_topic() {
    let text = "# 令和8年度 当初予算の概要\n## 1 予算規模\n\
                - 市税収入は 612.3億円（前年度比 +9.8億円）を見込む\n\
                - **地方交付税**は、98.6億円を計上しています。\n";
    assert_eq!(
        budget_lines(text),
        ["市税収入 R8 initial 612.3", "地方交付税 R8 initial 98.6"]
    );
}

#[test]
fn a_cell_gives_the_request_and_the_year_before_parted_by_a_slash() {
    let text = "令和８年度概算要求の概要\n（単位：億円）\n\
                事項\t令和８年度要求額 ／ 令和７年度予算額\t対前年度増減額\t伸率\n\
                政府開発援助（ＯＤＡ）\t4,562 ／ 4,390\t172\t3.9%\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "政府開発援助(ODA) R7 initial 4390 ",
            "政府開発援助(ODA) R8 request 4562 172",
        ]
    );
}

#[test]
fn a_header_s_row_of_column_marks_keeps_its_columns() {
    let text = "令和８年度概算要求の概要\n\
                区分\t事項\t令和８年度 要求額（億円）\t令和７年度 予算額（百万円）\t増△減額 （百万円）\n\
                区分\t事項\t(A)\t(B)\t(A)－(B)\n\
                出入国在留管理\t出入国在留管理体制の強化\t412.8\t39,960\t1,320\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "出入国在留管理体制の強化 R8 request 412.8 13.2",
            "出入国在留管理体制の強化 R7 initial 399.60 ",
        ]
    );
}

#[test]
fn an_amount_alone_in_parentheses_after_its_label_takes_the_label_s_year() {
    let text = "令和８年度の予算\n\
                - 一般会計（５８億４，２００万円）\n\
                \u{20}\u{20}- 前年度当初（５７億２，７００万円）\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R8 initial 58.42", "一般会計 R7 initial 57.27"]
    );
}

#[test]
fn a_project_name_column_names_rows_and_a_year_column_dates_the_year_before() {
    let text = "通番\t年度\t部局名\t事業名\t会計名\t当初予算額（円）\t前年度当初予算額（円）\t増減額（円）\n\
                1\t令和8年度\t総務部\t防災行政無線デジタル化事業\t一般会計\t486200000\t312700000\t173500000\n";
    assert_eq!(
        budget_lines(text),
        [
            "防災行政無線デジタル化事業 R8 initial 4.862",
            "防災行政無線デジタル化事業 R7 initial 3.127",
        ]
    );
}

#[test]
fn a_line_of_labelled_figures_under_a_name_gives_that_name_s_figures() {
    let text = "令和８年度　当初予算（款別集計）\n（単位：千円）\n１．一般会計　歳出\n\
                \u{3000}１款\u{3000}議会費\n\
                \u{3000}\u{3000}本年度\u{3000}\u{3000}８６，４２０\u{3000}\u{3000}前年度\u{3000}８５，９１０\u{3000}\u{3000}比較\u{3000}５１０\n\
                \u{3000}歳出合計\n\
                \u{3000}\u{3000}本年度\u{3000}７，５９６，０００\u{3000}\u{3000}前年度\u{3000}７，５９９，９３０\u{3000}\u{3000}比較\u{3000}\u{3000}△３，９３０\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "議会費 R8 initial 0.8642 0.0051",
            "議会費 R7 initial 0.8591 ",
            "歳出合計 R8 initial 75.96 -0.0393",
            "歳出合計 R7 initial 75.9993 ",
        ]
    );
}

#[test]
fn a_total_s_figures_on_the_line_under_its_label_and_note() {
    let text = "令和８年度 概算要求概要\n（単位：百万円）\n\
                事 項\t令和７年度予算額\t令和８年度要求額\t増減額\t倍率\t備 考\n\
                河川事業\t612,300\t724,580\t112,280\t1.18\n\
                合 計\tこのほか、交付金により地方公共団体の取組を支援\n\
                906,890\t1,067,360\t160,470\t1.18\n";
    // The total is named by the table's item or caption, whichever the reader has.
    let lines = budget_lines(text);
    assert!(
        lines.iter().any(|l| l.ends_with("R8 request 10673.60")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.ends_with("R7 initial 9068.90")),
        "{lines:?}"
    );
}

#[test]
fn a_second_header_row_of_groupings_keeps_the_first_column_of_figures() {
    let text = "令和７年度補正予算（第１号）の概要\n（単位：億円）\n\
                事項\t事項\t金額\t金額\n\
                事項\t事項\t事項別\t柱別\n\
                Ⅰ　物価高対策\t（１）重点支援地方交付金\t６，０００\t１１，１２０\n\
                Ⅰ　物価高対策\t（２）低所得世帯への給付金\t５，１２０\t\n";
    assert_eq!(
        budget_lines(text),
        [
            "重点支援地方交付金 R7 supplementary 6000",
            "低所得世帯への給付金 R7 supplementary 5120",
        ]
    );
}

#[test]
fn a_group_spanning_its_rows_owns_its_total_and_a_remark_part_ends_with_its_line() {
    let text = "令和８年度　一般会計歳出予算（款・項別）\n（単位：千円）\n\
                款\t項\t令和8年度\t令和7年度\n\
                3 民生費\t社会福祉費\t12,840,560\t12,315,200\n\
                \t児童福祉費\t15,622,900\t14,980,350\n\
                \t計\t28,463,460\t27,295,550\n\
                合計\t合計\t30,000,000\t29,000,000\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"民生費 R8 initial 284.6346".to_string()),
        "{lines:?}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("民生費 R8 initial 300")),
        "{lines:?}"
    );
    let remark = "令和８年度概算要求の概要\n\
                  １．交通安全対策の推進\n\
                  \u{20}\u{20}要求額\u{20}\u{20}\u{20}\u{20}21,480百万円\n\
                  \u{20}\u{20}（うち重要政策推進枠\u{20}\u{20}1,920百万円）\n\
                  \u{20}\u{20}前年度予算額\u{20}\u{20}20,115百万円\n\
                  \u{20}\u{20}比較増△減額\u{20}\u{20}1,365百万円\n";
    assert_eq!(
        budget_props(
            remark,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "交通安全対策の推進 R8 request 214.80 13.65",
            "重要政策推進枠 R8 request 19.20 ",
            "交通安全対策の推進 R7 initial 201.15 ",
        ]
    );
}

#[test]
fn an_increase_a_supplementary_item_s_name_states_is_its_supplementary() {
    let text = "令和７年度補正予算（案）の概要\n第１　地方の財政運営\n\
                （１）地方交付税交付金の増額（１０，８１０億円）\n\
                \u{3000}\u{3000}地方交付税の原資が増加することから増額する。\n";
    assert_eq!(
        budget_lines(text),
        ["地方交付税交付金の増額 R7 supplementary 10810"]
    );
    // In an initial budget the same words give a change, no budget.
    let initial = "令和８年度当初予算の概要\n（１）民生費　３８７億円\n\
                   \u{3000}障害者自立支援給付費の増（４５，２００千円）\n";
    assert!(!budget_lines(initial).iter().any(|l| l.ends_with("0.452")));
}

#[test]
fn a_header_stacked_over_lines_with_spaces_stands_over_the_cells_it_overlaps() {
    // A line continuation would drop the spaces that lay the header out.
    let text = [
        "令和９年度概算要求の概要",
        "",
        "                      令和８年度  令和９年度    増△減額 増△減率",
        "区　　分                  予算額      要求額",
        "                        (百万円)    (百万円)   (百万円)     (%)",
        "----------------------------------------------------------------",
        "一般会計                   701,630     733,720     32,090     4.6",
        "　本省                      95,420     101,380      5,960     6.2",
    ]
    .join("\n");
    let text = text.as_str();
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R8 initial 7016.30 ",
            "一般会計 R9 request 7337.20 320.9",
            "本省 R8 initial 954.20 ",
            "本省 R9 request 1013.80 59.6"
        ]
    );
}

#[test]
fn a_total_naming_what_it_totals_keeps_its_group_s_name() {
    let text = "令和９年度当初予算\n\
                会計区分\t会計名\t款\t当初予算額（千円）\n\
                一般会計\t一般会計\t議会費\t412300\n\
                一般会計\t一般会計\t歳出合計\t85800700\n\
                特別会計\t特別会計計\t\t39419600\n";
    assert_eq!(
        budget_lines(text),
        [
            "議会費 R9 initial 4.123",
            "一般会計歳出合計 R9 initial 858.007",
            "特別会計計 R9 initial 394.196"
        ]
    );
}

#[test]
fn a_project_sheet_s_sections_leave_its_figures_to_the_project() {
    let text = "令和９年度当初予算編成に係る事務事業評価結果\n\
                事業名　　：移住定住促進事業\n\
                担当課　　：総務課企画係\n\
                □ 事業の内容\n\
                \u{3000}・空き家改修補助（上限100万円）\n\
                □ 活動・成果指標\n\
                \u{3000}\u{3000}指標名　　　　　　　　　Ｒ７実績　　Ｒ９目標\n\
                \u{3000}\u{3000}移住者数（人）　　　　　　２１　　　　３０\n\
                □ 事業費の推移（単位：万円）\n\
                \u{3000}\u{3000}令和８年度　当初予算額　　　　1,240\n\
                \u{3000}\u{3000}令和９年度　当初予算額　　　　1,580\n";
    assert_eq!(
        budget_lines(text),
        [
            "移住定住促進事業 R8 initial 0.124",
            "移住定住促進事業 R9 initial 0.158"
        ]
    );
}

#[test]
fn an_account_s_topic_keeps_its_figure_and_the_year_before_across_a_line_break() {
    let text = "令和９年度予算の概要\n\
                \u{3000}本村では評価結果を予算に反映しています。令和９年度一般会計当初予算は28億4,600万円で、前年度\n\
                当初予算（27億9,100万円）に比べ5,500万円（2.0％）の増となりました。\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R9 initial 28.46 0.55",
            "一般会計 R8 initial 27.91 "
        ]
    );
}

#[test]
fn a_year_before_a_request_with_no_kind_is_its_enacted_budget() {
    let text = "# 令和9年度 概算要求の概要\n\
                - 公共事業費　7,823億円（令和8年度 6,989億円）\n";
    assert_eq!(
        budget_lines(text),
        ["公共事業費 R9 request 7823", "公共事業費 R8 initial 6989"]
    );
}

#[test]
fn the_end_of_an_amount_a_line_break_cuts_is_no_figure() {
    let text = "令和９年度予算のポイント\n\
                ◆令和９年度予算の一般会計総額は 118兆7,908億円 （令和８年度当初予算比 +3兆\n\
                4,653億円）。\n";
    // The difference in the parenthesis names no year of the total's either.
    assert_eq!(
        budget_props(text, &["fy", "kind", "amount_oku_yen"]),
        ["R9 initial 1187908"]
    );
}

#[test]
fn a_budget_bill_s_total_is_of_the_account_its_title_names() {
    for (title, account) in [
        ("令和９年度山吹町一般会計予算", "一般会計"),
        (
            "令和９年度西原市国民健康保険事業特別会計予算",
            "国民健康保険事業特別会計",
        ),
        ("令和９年度一般会計予算", "一般会計"),
    ] {
        let text = format!(
            "議案第２１号\n{title}\n（歳入歳出予算）\n\
             第１条　歳入歳出予算の総額は、歳入歳出それぞれ４，８７６，０００千円と定める。\n"
        );
        assert_eq!(
            budget_lines(&text),
            [format!("{account} R9 initial 48.76")],
            "{title}"
        );
    }
}

#[test]
fn a_total_column_after_a_request_and_its_bid_is_the_request() {
    let text = "令和９年度概算要求の概要\n（単位：百万円、％）\n\
                区分\t前年度予算額\t要求額\t要望額\t計\t対前年度比\n\
                公共事業費\t695,300\t697,800\t136,300\t834,100\t120.0\n";
    assert_eq!(
        budget_lines(text),
        ["公共事業費 R8 initial 6953", "公共事業費 R9 request 8341"]
    );
}

#[test]
fn a_note_a_line_break_leaves_open_at_the_year_before_names_no_year() {
    let text = "令和９年度概算要求の概要\n\
                第１ 基本的な考え方\n\
                令和９年度の農林水産関係予算の概算要求額（要求・要望額の計）は\t２兆６，２１６億円（対前年度\n\
                比115.5％）である。\n";
    assert_eq!(
        budget_props(text, &["fy", "kind", "amount_oku_yen"]),
        ["R9 request 26216"]
    );
}

#[test]
fn a_supplementary_bill_s_article_is_the_account_s_and_the_total_it_leaves_is_none() {
    let text = "令和８年度美郷原町一般会計補正予算（第３号）\n\
                （歳入歳出予算の補正）\n\
                第１条　歳入歳出予算の総額に歳入歳出それぞれ３２１，５４０千円を追加し、歳入歳出予算の総額を\n\
                歳入歳出それぞれ８，７６５，４３２千円とする。\n";
    assert_eq!(budget_lines(text), ["一般会計 R8 supplementary 3.2154"]);
}

#[test]
fn accounts_as_subjects_with_ga_and_a_topic_above_a_phrase_cut_by_a_break() {
    let text = "令和９年度当初予算案の概要\n\
                会計別では、一般会計が **1,186億4,000万円**、特別会計が **642億1,800万円**となりました。\n\
                （１）一般会計\n\
                一般会計は、議会運営、事務局の人件費など、広域連合\n\
                の運営に要する経費として412,870千円を計上した。\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 initial 1186.40",
            "特別会計 R9 initial 642.18",
            "一般会計 R9 initial 4.1287"
        ]
    );
}

#[test]
fn a_title_naming_two_budgets_speaks_first_of_the_first() {
    let d = crate::extract::test_support::test_doc(
        crate::corpus::DocKind::Other,
        "令和９年度当初予算案及び令和８年度３月補正予算案について",
        "令和９年度当初予算案及び令和８年度３月補正予算案について\n\
         ■ 主な事業\n\
         \u{3000}・東浦駅西口広場再整備事業　　３億２，０００万円\n\
         ■ 令和８年度３月補正予算案（第６号）\n\
         \u{3000}国の経済対策を活用し、令和９年度当初予算と一体的に編成しました。\n\
         （単位：千円）\n\
         会計名\t補正額\t補正後予算額\n\
         一般会計\t４８７，６００\t７１２，３４５，０００\n",
    );
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let budgets: Vec<String> = crate::extract::test_support::budget_nodes(&extraction)
        .map(|n| {
            ["item", "fy", "kind", "amount_oku_yen"]
                .map(|key| n.props.get(key).and_then(|v| v.as_str()).unwrap_or(""))
                .join(" ")
        })
        .collect();
    assert_eq!(
        budgets,
        [
            "東浦駅西口広場再整備事業 R9 initial 3.20",
            "一般会計 R8 supplementary 4.876"
        ]
    );
}

#[test]
fn a_header_wrapped_over_lines_with_words_a_space_apart() {
    let text = "令和９年度当初予算案の概要\n（単位：百万円、％）\n\
                区 分\t令和９年度\n\
                当初予算案 令和８年度\n\
                当初予算 増減額 増減率\n\
                一般会計\t742,560\t728,310 14,250\t2.0\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R9 initial 7425.60", "一般会計 R8 initial 7283.10"]
    );
}

#[test]
fn a_level_s_total_is_named_by_its_group() {
    let text = "令和９年度 歳出予算（款・項・目別）（単位：千円）\n\
                会計\t款\t項\t目\t本年度予算額\t前年度予算額\t比較\n\
                一般会計\t民生費\t社会福祉費\t老人福祉費\t1283600\t1241900\t41700\n\
                一般会計\t民生費\t款計\t\t11902580\t11646320\t256260\n";
    assert_eq!(
        budget_lines(text),
        [
            "老人福祉費 R9 initial 12.836",
            "老人福祉費 R8 initial 12.419",
            "民生費 R9 initial 119.0258",
            "民生費 R8 initial 116.4632"
        ]
    );
}

#[test]
fn a_row_of_fewer_marks_under_the_header_keeps_its_columns() {
    let text = "令和９年度 概算要求の概要\n（単位：百万円）\n\
                令和8年度\t令和9年度\t対前年度\n\
                区分\t予算額\t要求額\t増減\t増減率\n\
                (A)\t(B)\t(B)-(A)\n\
                一般会計\t4,720,815\t4,938,142\t217,327\t4.6%\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 initial 47208.15",
            "一般会計 R9 request 49381.42"
        ]
    );
}

#[test]
fn an_account_s_total_heading_its_total_before_and_its_funding_are_no_items() {
    let text = "令和８年度　山吹村一般会計補正予算（第３号）の概要\n\
                第１　一般会計補正予算（第３号）\n\
                \u{3000}１　予算の総額\n\
                \u{3000}\u{3000}既定の歳入歳出予算の総額　　２，８４６，１５０千円\n\
                \u{3000}\u{3000}補正額　　　　　　　　　　　　８５，３２０千円\n\
                \u{3000}２　補正の主な内容\n\
                \u{3000}（１）村道改良事業\n\
                \u{3000}\u{3000}補正額　　　１８，７５０千円\n\
                \u{3000}\u{3000}財源　村債　１６，８００千円　一般財源　１，９５０千円\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計補正予算 R8 supplementary 0.8532",
            "村道改良事業 R8 supplementary 0.1875"
        ]
    );
}

#[test]
fn an_account_named_before_its_labelled_figure_or_where_an_amount_is_requested() {
    let text = "令和８年度補正予算（第１号）の概要\n\
                １　基本的考え方\n\
                これにより、外務省所管一般会計の令和８年度当初予算額７，４２１億円と合わせた補正後の予算額は、９，５０３億円となる。\n\
                なお、このほか東日本大震災復興特別会計において3億1,000万円を計上している。\n";
    assert_eq!(
        budget_lines(text),
        [
            "外務省所管一般会計 R8 initial 7421",
            "東日本大震災復興特別会計 R8 supplementary 3.10"
        ]
    );
}

#[test]
fn a_year_column_outweighs_a_year_from_the_file_name() {
    let d = crate::extract::test_support::test_doc(
        crate::corpus::DocKind::Other,
        "r39_kitayama_pref_yosan.csv",
        "年度\t会計区分\t会計\t款\t予算額（千円）\t備考\n\
         令和9年度\t一般会計\t一般会計\t議会費\t1482300\t\n\
         令和8年度\t一般会計\t一般会計\t議会費\t1475000\t\n",
    );
    let extraction = extract(&d);
    quotes_are_verbatim(&d, &extraction);
    let budgets: Vec<String> = crate::extract::test_support::budget_nodes(&extraction)
        .map(|n| {
            ["item", "fy", "amount_oku_yen"]
                .map(|key| n.props.get(key).and_then(|v| v.as_str()).unwrap_or(""))
                .join(" ")
        })
        .collect();
    assert_eq!(budgets, ["議会費 R9 14.823", "議会費 R8 14.75"]);
}

#[test]
fn a_total_passes_over_a_label_it_repeats_to_its_group() {
    let text = "令和９年度当初予算\n\
                年度\t会計\t歳入歳出区分\t款\t予算額（千円）\n\
                2027\t一般会計\t歳入\t市税\t13284000\n\
                2027\t一般会計\t歳入\t歳入合計\t40329000\n";
    assert_eq!(
        budget_lines(text),
        [
            "市税 R9 initial 132.84",
            "一般会計歳入合計 R9 initial 403.29"
        ]
    );
}

#[test]
fn a_rate_column_named_beside_the_marks_under_a_stacked_header() {
    let text = "令和９年度当初予算の概要\n\
                会計別予算額\n\
                （単位：百万円、％）\n\
                令和９年度\t令和８年度\t対前年度比較\n\
                区\t分\t当初予算額\t当初予算額\t増減額\n\
                （Ａ）\t（Ｂ）\t（Ａ）－（Ｂ）\t増減率\n\
                一般会計\t520,400\t511,000\t9,400\t1.8\n\
                特別会計\t210,300\t214,800\t△4,500\t△2.1\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R9 initial 5204 94",
            "一般会計 R8 initial 5110 ",
            "特別会計 R9 initial 2103 -45",
            "特別会計 R8 initial 2148 ",
        ]
    );
}

#[test]
fn each_numbered_supplementary_under_one_heading_is_a_budget_of_its_own() {
    let text = "令和９年度６月補正予算（第１号・第２号）の概要\n\
                （単位：百万円）\n\
                区 分\t当初予算額\t今回補正額\t補正後予算額\n\
                (A)\t(A)+(D)\n\
                第1号(B)\t第2号(C)\t補正額計(D)\n\
                一般会計\n\
                民生費\t142,860\t2,840\t1,150\t3,990\t146,850\n\
                公債費\t88,650\t－\t△2,600\t△2,600\t86,050\n";
    assert_eq!(
        budget_props(text, &["item", "fy", "kind", "bill", "amount_oku_yen"]),
        [
            "民生費 R9 initial  1428.60",
            "民生費 R9 supplementary 第1号 28.40",
            "民生費 R9 supplementary 第2号 11.50",
            "公債費 R9 initial  886.50",
            "公債費 R9 supplementary 第2号 -26",
        ]
    );
}

#[test]
fn a_three_line_header_whose_top_words_share_the_bottom_ones_by_what_they_name() {
    // The last column sums two others (`（A）＋（B）`) under a word counting months.
    let text = "令和８年度当初予算・令和７年度２月補正予算の概要\n\
                （単位：百万円）\n\
                令和7年度\t令和8年度当初予算\t15か月予算\n\
                区\t分\n\
                2月補正額（A）\t予算額（B）\t令和7年度当初\t増減額\t（A）＋（B）\n\
                一般会計\t41,230\t845,600\t826,900\t18,700\t886,830\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R7 supplementary 412.30 ",
            "一般会計 R8 initial 8456 187",
            "一般会計 R7 initial 8269 ",
        ]
    );
}

#[test]
fn a_header_line_naming_the_rows_and_a_column_of_words_is_no_project_field() {
    let text = "令和８年度当初予算の概要\n\
                （単位：百万円）\n\
                令和7年度\t令和8年度\n\
                事 業 名\t所管部局\n\
                2月補正額\t当初予算額\t前年度当初\n\
                (1) 防災・減災の推進\n\
                ・河川改修事業\t5,420\t8,760\t8,310\t土木部\n";
    assert_eq!(
        budget_props(text, &["item", "fy", "kind", "amount_oku_yen"]),
        [
            "河川改修事業 R7 supplementary 54.20",
            "河川改修事業 R8 initial 87.60",
            "河川改修事業 R7 initial 83.10",
        ]
    );
}

#[test]
fn a_figure_of_the_only_supplementary_of_its_year_keeps_no_number() {
    let text = "令和９年度補正予算の概要\n\
                （単位：百万円）\n\
                区分\t当初予算額\t補正額（第３号）\t補正後予算額\n\
                民生費\t142,860\t2,840\t145,700\n";
    assert_eq!(
        budget_props(text, &["item", "fy", "kind", "bill", "amount_oku_yen"]),
        [
            "民生費 R9 initial  1428.60",
            "民生費 R9 supplementary  28.40",
        ]
    );
}

#[test]
fn a_header_whose_year_and_name_a_pdf_wraps_over_three_lines() {
    let text = "令和９年度当初予算の概要\n\
                主要事業\n\
                （単位：百万円）\n\
                令和９年\t前年度\n\
                施\t策\t名\t度\t概要\n\
                予算額\t比較\n\
                地域交通確保対策事業\t3,150\t420\t路線バスの維持を支援\n\
                文化財保存活用事業\t1,280\t△90\t史跡の保存修理\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "地域交通確保対策事業 R9 initial 31.50 4.2",
            "文化財保存活用事業 R9 initial 12.80 -0.9",
        ]
    );
}

#[test]
fn an_amount_a_sentence_says_was_provided_for_what_it_names() {
    let text = "令和９年度概算要求の概要\n\
                ## 参考\n\
                ※ このほか、令和８年度補正予算において、港湾施設の耐震改修等に **12.5億円** を措置済み。\n";
    assert_eq!(
        budget_lines(text),
        ["港湾施設の耐震改修等 R8 supplementary 12.5"]
    );
}

#[test]
fn a_review_sheet_laid_out_with_spaces_and_its_group_written_down_the_side() {
    let text = "令和８年度 行政事業レビューシート\n\
                事業名          港湾物流高度化推進事業\n\
                \n\
                予算額・執行額                                          （単位：百万円）\n\
                \x20                       令和6年度    令和7年度    令和8年度   令和9年度要求\n\
                予算  当初予算            10,631       10,745       11,018        12,540\n\
                の    補正予算             2,200        1,150            -             -\n\
                状況  計                  12,831       11,895       11,018        12,540\n";
    assert_eq!(
        budget_lines(text),
        [
            "港湾物流高度化推進事業 R6 initial 106.31",
            "港湾物流高度化推進事業 R7 initial 107.45",
            "港湾物流高度化推進事業 R8 initial 110.18",
            "港湾物流高度化推進事業 R9 request 125.40",
            "港湾物流高度化推進事業 R6 supplementary 22",
            "港湾物流高度化推進事業 R7 supplementary 11.50",
        ]
    );
}

#[test]
fn a_bill_setting_the_totals_of_an_accounts_parts() {
    let text = "令和９年度山吹町国民健康保険特別会計予算\n\
                （歳入歳出予算）\n\
                第１条　歳入歳出予算の総額は、事業勘定歳入歳出それぞれ１，２００，０００千円、直営診療施設勘定歳入歳出それぞれ５０，０００千円と定める。\n";
    assert_eq!(
        budget_lines(text),
        [
            "国民健康保険特別会計（事業勘定） R9 initial 12",
            "国民健康保険特別会計（直営診療施設勘定） R9 initial 0.50",
        ]
    );
}

#[test]
fn a_row_leaving_out_its_notes_cell_fills_the_columns_from_the_first() {
    let text = "令和９年度補正予算の概要\n\
                （単位：百万円）\n\
                区\t分\t補正前の額\t補正額\t補正後の額\t備考\n\
                一般会計\t512,300\t8,400\t520,700\n\
                病院事業会計\t30,100\t1,200\t31,300\t企業会計\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 supplementary 84",
            "病院事業会計 R9 supplementary 12"
        ]
    );
}

#[test]
fn a_topics_particle_is_no_part_of_its_name() {
    assert_eq!(
        budget_lines(
            "令和９年度当初予算\n予算総額は１，２５０，０００千円で、前年度を上回った。\n"
        ),
        ["予算総額 R9 initial 12.50"]
    );
}

#[test]
fn a_comparisons_words_on_two_lines_of_one_header_cell_name_one_column() {
    let text = "令和１０年度 港湾関係予算概算要求概要\n\
                （単位：億円）\n\
                事　項\t令和９年度 予算額\t令和１０年度 要求・要望額\t\t\t対前年度 倍率\n\
                事　項\t\t要求額\t要望額\t計\t対前年度 倍率\n\
                港湾の耐震化\t1,210\t1,350\t240\t1,590\t1.31\n";
    assert_eq!(
        budget_lines(text),
        [
            "港湾の耐震化 R9 initial 1210",
            "港湾の耐震化 R10 request 1350",
            "港湾の耐震化 R10 request 240",
            "港湾の耐震化 R10 request 1590",
        ]
    );
}

#[test]
fn a_sentence_gives_the_fiscal_investment_its_amount() {
    let text = "令和１０年度 港湾関係予算概算要求概要\n\
                このほか、財政投融資 ５６０億円を要求（岸壁の整備に係る貸付け）\n";
    assert_eq!(budget_lines(text), ["財政投融資 R10 fiscal_investment 560"]);
}

#[test]
fn what_a_policy_speech_allocates_is_the_years_initial_budget() {
    let text = "# 令和９年度 施政方針\n\n## 重点施策\n\n\
                - 多子世帯の負担軽減を図るため、**第３子保育料無償化事業**に2億1,000万円を計上いたしました。\n\
                - 災害時の避難所となる **小中学校体育館空調整備事業** に9.75億円を計上いたします。\n\
                - 放課後児童クラブの利用料は引き続き月額5,000円に据え置きます。\n";
    assert_eq!(
        budget_lines(text),
        [
            "第３子保育料無償化事業 R9 initial 2.10",
            "小中学校体育館空調整備事業 R9 initial 9.75"
        ]
    );
}

#[test]
fn a_rows_label_naming_the_year_before_shifts_the_year_columns_year() {
    let text = "年度,会計名,款名,区分,金額（千円）\n\
                令和10年度,一般会計,土木費,本年度予算額,5120000\n\
                令和10年度,一般会計,土木費,前年度予算額,4980000\n\
                令和10年度,一般会計,土木費,比較増減,140000\n"
        .replace(',', "\t");
    assert_eq!(
        budget_lines(&text),
        ["土木費 R10 initial 51.20", "土木費 R9 initial 49.80"]
    );
}

#[test]
fn a_box_drawn_header_with_a_breakdown_under_a_heading_beside_it() {
    let text = "令和１０年度　介護保険事業特別会計予算説明書\n\
                （単位：千円）\n\
                ┌────┬────┬────┬────┬──────────┐\n\
                │        │        │        │        │本年度の財源内訳    │\n\
                │款      │本年度  │前年度  │比　較  ├───┬───┬───┤\n\
                │        │        │        │        │国県  │その他│一般  │\n\
                ├────┼────┼────┼────┼───┼───┼───┤\n\
                │１　総務費│ 210,400│ 198,300│  12,100│    －│ 3,100│207,300│\n\
                └────┴────┴────┴────┴───┴───┴───┘\n";
    assert_eq!(
        budget_lines(text),
        ["総務費 R10 initial 2.104", "総務費 R9 initial 1.983"]
    );
}

#[test]
fn open_data_with_a_column_of_values_keeps_the_rows_naming_a_budget() {
    let text = "全国地方公共団体コード\t団体名\t年度\t分類\t会計\t項目\t値\t単位\n\
                099991\t青葉村\t令和9年度\t予算\t一般会計\t当初予算額\t3120000\t千円\n\
                099991\t青葉村\t令和9年度\t決算\t一般会計\t歳出総額\t3001000\t千円\n\
                099991\t青葉村\t令和9年度\t予算\t一般会計\t補正予算額（第2号）\t45000\t千円\n\
                099991\t青葉村\t令和9年度\t財政指標\t一般会計等\t経常収支比率\t88.1\t％\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 initial 31.20",
            "一般会計 R9 supplementary 0.45"
        ]
    );
}

#[test]
fn what_a_note_names_is_no_item_of_the_lines_after_it() {
    let text = "令和１０年度補正予算の概要\n\
                補正予算総額 ４，２００億円\n\
                ※このほか、財政投融資 ５００億円（融資枠の拡充）\n\
                【Ⅰ 物流の強化】 ２，０００億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "補正予算総額 R10 supplementary 4200",
            "財政投融資 R10 fiscal_investment 500",
            "物流の強化 R10 supplementary 2000"
        ]
    );
}

#[test]
fn a_header_on_three_lines_with_its_change_on_the_middle_one() {
    let text = "令和１０年度 当初予算案の概要\n\
                （単位：百万円、％）\n\
                令和１０年度\t令和９年度\n\
                区 分\t増減額\t増減率\n\
                当初予算案\t当初予算\n\
                一般会計\t512,300\t498,100\t14,200\t2.9\n\
                公営企業会計\t88,400\t91,200\t△2,800\t△3.1\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R10 initial 5123 142",
            "一般会計 R9 initial 4981 ",
            "公営企業会計 R10 initial 884 -28",
            "公営企業会計 R9 initial 912 ",
        ]
    );
}

#[test]
fn a_heading_in_brackets_is_a_name_whatever_its_commas() {
    let text = "令和９年度補正予算の概要\n\
                【１．物流の強化】………………… ３００億円\n\
                \u{3000}○\u{3000}港湾の整備 ……………… １００億円\n\
                【２．防災・減災、国土強靱化と災害復旧】………………… ２００億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "物流の強化 R9 supplementary 300",
            "港湾の整備 R9 supplementary 100",
            "防災・減災、国土強靱化と災害復旧 R9 supplementary 200"
        ]
    );
}

#[test]
fn a_unit_line_below_the_rules_under_a_table() {
    let text = "令和１０年度当初予算の概要\n\
                \x20 会計区分            令和１０年度    令和９年度        比較\n\
                \x20 --------------------------------------------------------\n\
                \x20 一般会計              31,200,000    30,100,000   1,100,000\n\
                \x20 --------------------------------------------------------\n\
                \x20                                              （単位：千円）\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R10 initial 312", "一般会計 R9 initial 301"]
    );
}

#[test]
fn items_as_rows_under_accounts_as_columns() {
    let text = "令和９年度　国土交通省関係　概算要求の概要\n\
                ## 2. 主要事項の会計別要求額\n\
                | 事項 | 一般会計 | 自動車安全特別会計 | 備考 |\n\
                |---|---:|---:|---|\n\
                | 道路の老朽化対策 | 412,300 | ― | |\n\
                | 自動車事故対策 | ― | 8,120 | |\n\
                | 港湾の強靱化 | 95,000 | 1,200 | 両会計で実施 |\n\
                | 合計 | 507,300 | 9,320 | |\n\
                （単位：百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "道路の老朽化対策 R9 request 4123",
            "自動車事故対策 R9 request 81.20",
            "港湾の強靱化（一般会計） R9 request 950",
            "港湾の強靱化（自動車安全特別会計） R9 request 12"
        ]
    );
}

#[test]
fn a_part_of_a_rows_figure_is_a_row_of_its_own() {
    let text = "令和９年度　概算要求のポイント\n\
                | 区分 | 令和８年度予算額 | 令和９年度要求・要望額 | 備考 |\n\
                |---|---:|---:|---|\n\
                | 消防庁予算 | 12,000 | 15,500 | |\n\
                | 　うち要求額 | ― | 13,000 | |\n\
                （単位：百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "消防庁予算 R8 initial 120",
            "消防庁予算 R9 request 155",
            "うち要求額 R9 request 130"
        ]
    );
}

#[test]
fn a_numbered_caption_names_its_tables_kind_and_total() {
    let text = "第３章　文化関係予算\n\
                \n\
                \u{3000}令和９年度補正予算では、地域文化施設改修事業に４２億円を計上した。\n\
                \n\
                図表３－１　文化関係予算の内訳（当初予算）\n\
                （単位：億円）\n\
                ┌─────┬─────┬─────┐\n\
                │区　分      │令和８年度│令和９年度│\n\
                ├─────┼─────┼─────┤\n\
                │文化財保護  │      512 │      540 │\n\
                │芸術文化振興│      301 │      322 │\n\
                ├─────┼─────┼─────┤\n\
                │合　計      │      813 │      862 │\n\
                └─────┴─────┴─────┘\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域文化施設改修事業 R9 supplementary 42",
            "文化財保護 R8 initial 512",
            "文化財保護 R9 initial 540",
            "芸術文化振興 R8 initial 301",
            "芸術文化振興 R9 initial 322",
            "文化関係予算の内訳 R8 initial 813",
            "文化関係予算の内訳 R9 initial 862"
        ]
    );
}

#[test]
fn a_sentence_leading_into_a_list_gives_its_year_and_kind() {
    let text = "第２節　主要施策\n\
                \u{3000}令和９年度予算における主要施策の予算額は、次のとおりである。\n\
                \u{3000}◆　海洋調査の推進（１２３億円）\n\
                \u{3000}◆　観測網の整備（４５億円、＋５億円）\n\
                \u{3000}なお、観測網の整備の契約額（契約ベース）は９８億円である。\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "海洋調査の推進 R9 initial 123 ",
            "観測網の整備 R9 initial 45 5"
        ]
    );
}

#[test]
fn a_code_before_the_names_of_a_full_row_is_no_row_number() {
    let text = "白波県　会計別予算額\n\
                都道府県コード\t団体名\t会計区分\t会計名\t令和９年度当初予算額（千円）\n\
                7\t白波県\t一般会計\t一般会計\t523000000\n\
                7\t白波県\t公営企業会計\t水道事業会計\t81200000\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R9 initial 5230", "水道事業会計 R9 initial 812"]
    );
}

#[test]
fn status_marks_in_cells_of_their_own_or_wrapped_over_two_lines() {
    let text = "令和９年度　当初予算案の概要\n\
                （単位：千円）\n\
                令和９年度\t前年度\n\
                事\t業\t名\t比較増減\t担当課\n\
                予算案\t予算額\n\
                ① 港の賑わい創出事業\t【新\n\
                規】\t52,000\t－\t皆増 観光課\n\
                \n\
                ② 図書館改修事業\t120,500\t98,000\t22,500 教育総務課\n\
                ③ 海辺の交流拠点整備事業\t【新規】\t150,000\t－\t皆増 企画課\n";
    assert_eq!(
        budget_lines(text),
        [
            "港の賑わい創出事業 R9 initial 0.52",
            "図書館改修事業 R9 initial 1.205",
            "図書館改修事業 R8 initial 0.98",
            "海辺の交流拠点整備事業 R9 initial 1.50"
        ]
    );
}

#[test]
fn a_wrapped_ratio_and_a_page_footer_are_no_items() {
    let text = "令和９年度予算の概要\n\
                予算額\t３００億円（対前年度比 １０\n\
                １．５％）\n\
                Ⅰ 主要事項\n\
                （単位：億円）\n\
                前年度\t本年度\n\
                事\t項\t増△減\n\
                予算額\t予算額\n\
                １ 堤防の強化\t90\t100\t10\n\
                －１－\n\
                Ⅱ 令和８年度補正予算の概要\n\
                １．中小企業の支援\t１５０億円\n\
                ○ 設備投資、販路開拓等を支援\n\
                ２．観光、交流の振興\t５０億円\n";
    let names = names(text, NodeType::Measure);
    assert!(
        !names
            .iter()
            .any(|name| name.contains('％') || name.contains('-')),
        "{names:?}"
    );
    assert_eq!(
        budget_lines(text),
        [
            "予算額 R9 initial 300",
            "堤防の強化 R8 initial 90",
            "堤防の強化 R9 initial 100",
            "中小企業の支援 R8 supplementary 150",
            "観光、交流の振興 R8 supplementary 50"
        ]
    );
}

#[test]
fn a_year_column_dates_rows_whose_kind_column_says_supplementary_or_after_it() {
    let text = "令和９年度　白浜村　歳出予算（会計別）\n\
                年度\t会計\t予算区分\t予算額（千円）\t備考\n\
                令和9年度\t一般会計\t当初予算\t3120000\t\n\
                令和8年度\t一般会計\t補正予算（第1号）\t45200\t6月議決\n\
                令和8年度\t一般会計\t補正後予算額\t3215400\t\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 initial 31.20",
            "一般会計 R8 supplementary 0.452"
        ]
    );
}

#[test]
fn fiscal_investment_opening_a_line_is_the_kind_of_the_item_above() {
    let text = "令和９年度　概算要求の概要\n\
                Ⅲ．財政投融資の主要事項\n\
                \u{3000}○独立行政法人住宅金融支援機構\n\
                \u{3000}\u{3000}\u{3000}\u{3000}財政投融資\u{3000}３，２１０億円（前年度\u{3000}２，９８０億円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "独立行政法人住宅金融支援機構 R9 fiscal_investment 3210",
            "独立行政法人住宅金融支援機構 R8 fiscal_investment 2980"
        ]
    );
}

#[test]
fn notes_under_a_wide_table_are_no_rows_of_it() {
    let text = "令和９年度　青葉市予算説明書\n\
                歳出　第３款　民生費\n\
                （単位：千円）\n\
                \x20 区分             本年度     前年度     比較   国県支出金   一般財源\n\
                第３款　民生費   9,874,200  9,236,500  637,700  4,666,600  5,207,600\n\
                【説明】\n\
                \u{3000}\u{3000}○第２項　児童福祉費\n\
                \u{3000}\u{3000}\u{3000}・病児保育事業\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}52,580\n";
    assert_eq!(
        budget_lines(text),
        [
            "民生費 R9 initial 98.742",
            "民生費 R8 initial 92.365",
            "病児保育事業 R9 initial 0.5258"
        ]
    );
}

#[test]
fn a_bullets_sentence_under_a_bullet_item_goes_on_with_it() {
    let text = "令和１０年度　概算要求のポイント\n\
                1. **水資源の保全**（５，４００百万円）\n\
                \x20   - 地下水保全事業（１，２００百万円）\n\
                \x20       - 令和９年度補正予算（３００百万円）と合わせ切れ目なく実施。\n\
                \x20   - 水源林整備事業（８００百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "水資源の保全 R10 request 54",
            "地下水保全事業 R10 request 12",
            "地下水保全事業 R9 supplementary 3",
            "水源林整備事業 R10 request 8"
        ]
    );
}

#[test]
fn a_year_column_and_headers_naming_years_date_each_figure_from_the_latest() {
    // Open data whose header line, naming a settled year, is also its first line.
    let text = "No\t年度\t事業名\t令和10年度当初予算額（千円）\t令和9年度当初予算額（千円）\t令和8年度決算額（千円）\n\
                1\t2028\t図書館運営事業\t52000\t48000\t47100\n";
    assert_eq!(
        budget_lines(text),
        [
            "図書館運営事業 R10 initial 0.52",
            "図書館運営事業 R9 initial 0.48"
        ]
    );
}

#[test]
fn three_line_headers_share_their_bottom_words_by_kind() {
    let text = "令和９年度　概算要求の概要\n\
                （単位：百万円）\n\
                令和８年度\t令和９年度概算要求・要望額\t対前年度\n\
                事\t項\t増減額\n\
                当初予算額\t補正予算額\t要求\t要望\t計\n\
                １ 家畜防疫対策\t5,100\t2,300\t5,100\t900\t6,000\t900\n\
                \n\
                令和８年度\t令和９年度概算要求・要望額\t対前年度比\n\
                区\t分\n\
                当初予算額\t要求額\t要望額\t計\t（％）\n\
                公共事業費\t6,000\t6,000\t1,200\t7,200\t120.0\n";
    assert_eq!(
        budget_lines(text),
        [
            "家畜防疫対策 R8 initial 51",
            "家畜防疫対策 R8 supplementary 23",
            "家畜防疫対策 R9 request 60",
            "公共事業費 R8 initial 60",
            "公共事業費 R9 request 72"
        ]
    );
}

#[test]
fn a_line_a_sentence_goes_on_from_names_no_figure_below_it() {
    let text = "令和９年度　概算要求の概要\n\
                （１）家畜防疫対策\n\
                家畜伝染病の発生予防とまん延防止のため、都道府県の防疫措置を支援するとともに、検査体制の\n\
                【令和９年度要求額：6,000百万円（前年度5,100百万円）】\n\
                強化を図る。\n";
    assert_eq!(
        budget_lines(text),
        ["家畜防疫対策 R9 request 60", "家畜防疫対策 R8 initial 51"]
    );
}

#[test]
fn a_projects_cost_beside_the_states_share_under_a_header_without_a_label() {
    let text = "令和１０年度　予算案の概要\n\
                \x20 ３．港湾の整備\n\
                \x20                                  （単位：百万円）\n\
                \x20                     本年度      前年度       倍率\n\
                \x20       事 業 費       84,000      80,300     1.05\n\
                \x20       国    費       52,400      50,100     1.05\n";
    assert_eq!(
        budget_lines(text),
        ["港湾の整備 R10 initial 524", "港湾の整備 R9 initial 501"]
    );
}

#[test]
fn tables_parted_by_a_bar_in_a_row_laid_out_with_spaces_give_each_side_its_rows() {
    let text = "令和９年度　南川村特別会計予算の概要\n\
                （１）下水道事業特別会計　歳入歳出予算\n（単位：千円）\n\
                \u{3000}\u{3000}歳\u{3000}\u{3000}入          ┃\u{3000}\u{3000}歳\u{3000}\u{3000}出\n\
                \u{3000}使用料                 81,200   ┃\u{3000}管理費                  12,500\n\
                \u{3000}繰入金                 40,300   ┃\u{3000}\n";
    assert_eq!(
        budget_lines(text),
        [
            "使用料 R9 initial 0.812",
            "管理費 R9 initial 0.125",
            "繰入金 R9 initial 0.403"
        ]
    );
}

#[test]
fn a_table_under_a_heading_of_settled_accounts_gives_no_budgets() {
    let text = "令和９年度　東谷町予算の概要\n\
                １．会計別予算額\n（単位：千円）\n\
                会計名\t令和９年度当初予算額\n下水道事業特別会計\t345,600\n\
                ２．参考　会計別の推移（決算額）\n（単位：千円）\n\
                会計名\t令和５年度\t令和６年度\n下水道事業特別会計\t301,200\t322,800\n";
    assert_eq!(budget_lines(text), ["下水道事業特別会計 R9 initial 3.456"]);
}

#[test]
fn a_column_of_what_was_spent_gives_no_budgets() {
    let text = "令和10年度概算要求の概要\n（単位：百万円）\n\
                | 事項 | 令和８年度執行額（参考） | 令和９年度予算額 | 令和10年度要求額 |\n\
                |:---|---:|---:|---:|\n\
                | 港湾の機能強化 | 1,480 | 1,600 | 1,750 |\n";
    assert_eq!(
        budget_lines(text),
        [
            "港湾の機能強化 R9 initial 16",
            "港湾の機能強化 R10 request 17.50"
        ]
    );
}

#[test]
fn a_list_item_giving_a_purpose_its_amount_is_a_budget_without_budget_wording() {
    let text = "令和10年度 森林庁 概算要求の概要\n\n### 1.1 森林の保全\n\n\
                1. 保安林の整備に 430百万円（新規）。\n\
                2. 林道の点検として 215百万円。\n\
                3. 木材の輸出額は 2,100百万円に達した。\n";
    assert_eq!(
        budget_lines(text),
        [
            "保安林の整備 R10 request 4.30",
            "林道の点検 R10 request 2.15"
        ]
    );
}

#[test]
fn monthly_rates_borrowing_ceilings_and_budgets_over_months_are_no_budgets() {
    let text = "令和９年度　西浜市予算案の概要\n\
                ○子育て応援事業　２億４，０００万円\n\
                ○介護保険事業の保険料基準額（月額）　６，２００円\n\
                ○一時借入金の最高額　３０億円\n\
                ○補正予算と合わせた「１３か月予算」の総額　５，１２０億円\n";
    assert_eq!(budget_lines(text), ["子育て応援事業 R9 initial 2.40"]);
}

#[test]
fn a_bullet_item_takes_the_figure_its_indented_description_gives() {
    let text = "# 令和10年度 予算要求の概要\n\n### (2) 新規事業\n\n\
                - **図書館の開館時間延長**【拡充】  \n\
                \u{20}\u{20}平日の開館を21時までとする（令和10年7月から実施）。\n\
                \u{20}\u{20}- 要求額：**326百万円**\n\
                - **公民館の空調更新**【新規】  \n\
                \u{20}\u{20}老朽化した設備を更新。要求額 54百万円。\n";
    assert_eq!(
        budget_lines(text),
        [
            "図書館の開館時間延長 R10 request 3.26",
            "公民館の空調更新 R10 request 0.54"
        ]
    );
}

#[test]
fn a_limit_in_the_sentence_above_opens_no_item_for_the_figures_after_it() {
    let text = "令和９年度　青葉町当初予算の概要\n\n３　主要事業\n\
                \u{3000}○消防救急無線更新事業\n\
                \u{3000}\u{3000}令和９年度から令和11年度までの３か年で総事業費360,000千円を見込み、本年度は\n\
                \u{3000}\u{3000}基本設計に係る経費として48,000千円を計上する。\n\n\
                \u{3000}○移住促進事業\u{3000}\u{3000}\u{3000}\u{3000}12,500千円\n";
    assert_eq!(
        budget_lines(text),
        [
            "基本設計に係る経費 R9 initial 0.48",
            "移住促進事業 R9 initial 0.125"
        ]
    );
}

#[test]
fn a_rate_past_the_headers_columns_is_none_of_the_rows_figures() {
    let text = "令和８年度６月補正予算案の概要\n１ 補正予算の規模\n（単位：百万円、％）\n\
                対前年同期\n会計区分\t補正前の額\t今回補正額\t補正後の額\n比\n\
                一般会計\t８５４，１２０\t９，６３０\t８６３，７５０\t１０３．２\n";
    assert_eq!(budget_lines(text), ["一般会計 R8 supplementary 96.30"]);
}

#[test]
fn numbered_items_after_a_table_keep_their_notes_of_earlier_supplementaries() {
    let text = "令和８年度６月補正予算案の概要\n１ 補正予算の規模\n（単位：百万円）\n\
                会計区分\t今回補正額\n一般会計\t９，６３０\n\n\
                ２ 主な内容\n（１）燃料価格高騰対策\t３，２１０百万円\n\
                （前年度６月補正\t２，８４０百万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 supplementary 96.30",
            "燃料価格高騰対策 R8 supplementary 32.10",
            "燃料価格高騰対策 R7 supplementary 28.40"
        ]
    );
}

#[test]
fn a_rate_holds_back_only_the_amount_right_after_it() {
    let text = "# 令和８年度補正予算の概要\n\n## ２．子育て世帯への支援\n\n\
                低所得の世帯に対し、児童１人当たり３万円を支給する子育て応援臨時給付金として８６０億円を計上するとともに、\
                市町村における給付事務費として２５億円を計上する。\n\
                （令和７年度執行実績　７１０億円）\n\
                （豪雨による被害額　１，２００億円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "子育て応援臨時給付金 R8 supplementary 860",
            "給付事務費 R8 supplementary 25"
        ]
    );
}

#[test]
fn a_title_scattered_over_lines_leaves_the_year_to_the_opening_lines() {
    let text = "令 和 ９ 年\n南浦町当初予算の概要 度\n\n令和９年２月\n南浦町 総務課\n\
                １ 予算の規模\n令和９年度の当初予算は、一般会計で 8,120,000千円となりました。\n\
                ２ 一般会計 歳入\n（単位：千円）\n款\t本年度\t前年度\t比較\n\
                1 町税\t2,145,000\t2,120,000\t25,000\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 initial 81.20",
            "町税 R9 initial 21.45",
            "町税 R8 initial 21.20"
        ]
    );
}

#[test]
fn a_column_of_a_part_of_the_figure_before_it_is_no_budget() {
    let text = "# 令和10年度 概算要求の概要\n\n（単位：百万円）\n\n\
                | 施策 | 令和９年度<br>予算額 | 令和10年度<br>要求・要望額 | うち<br>要望額 |\n\
                |---|---:|---:|---:|\n\
                | ・河川監視カメラの増設 | 1,240 | 1,580 | 340 |\n";
    assert_eq!(
        budget_lines(text),
        [
            "河川監視カメラの増設 R9 initial 12.40",
            "河川監視カメラの増設 R10 request 15.80"
        ]
    );
}

#[test]
fn a_sub_bullet_of_a_figure_besides_the_items_is_the_items_and_a_rate_bullet_no_item() {
    let text = "# 令和10年度 概算要求の概要\n\n### (1) 地域交通の確保\n\n\
                - 離島航路確保維持事業：3,400百万円（前年度 3,100百万円）\n\
                \u{20}\u{20}- 補助率：1/2\n\
                \u{20}\u{20}- このほか、令和８年度補正予算で 900百万円を措置\n";
    assert_eq!(
        budget_lines(text),
        [
            "離島航路確保維持事業 R10 request 34",
            "離島航路確保維持事業 R9 initial 31",
            "離島航路確保維持事業 R8 supplementary 9"
        ]
    );
}

#[test]
fn a_groups_total_a_word_apart_is_named_by_the_group() {
    let text = "令和８年度水産関係補正予算の概要\n\n■補正予算額\n\
                \u{3000}\u{3000}水産関係\u{3000}合計\u{3000}\u{3000}\u{3000}\u{3000}１，２４０億円\n\
                \u{3000}\u{3000}\u{3000}（前年度補正\u{3000}１，１１０億円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "水産関係 R8 supplementary 1240",
            "水産関係 R7 supplementary 1110"
        ]
    );
}

#[test]
fn a_reference_figure_under_an_item_is_its_and_commitments_and_funding_are_none() {
    let text = "# 令和８年度補正予算の概要\n\n\
                - 国庫債務負担行為：３，０００億円（後掲）\n\n\
                **（財源）** 一般会計分は建設公債により措置。特別会計分は移行債（１，２５０億円）の発行収入により措置。\n\n\
                ## Ⅱ　エネルギー\n\n\
                1. **水素供給網の構築**　９６０億円\n\
                \u{20}\u{20}\u{20}- （参考）令和８年度当初予算額　２１０億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "水素供給網の構築 R8 supplementary 960",
            "水素供給網の構築 R8 initial 210"
        ]
    );
}

#[test]
fn a_row_of_column_marks_with_their_sum_under_the_header_is_no_row() {
    let text = "令和８年度 森林庁関係補正予算（第１号）の概要\n１．総括表\n（単位：百万円）\n\
                区 分\t補正前予算額\t補正額\t補正後予算額\n\
                （Ａ）\t（Ｂ）\t（Ａ＋Ｂ）\n\
                一般会計\t１１２，４００\t２４，６００\t１３７，０００\n";
    assert_eq!(budget_lines(text), ["一般会計 R8 supplementary 246"]);
}

#[test]
fn a_sub_bullet_of_a_figure_set_aside_besides_is_the_items() {
    let text = "# 令和10年度 概算要求の概要\n\n### (2) 担い手の確保\n\n\
                - 新規就業者育成対策：6,200百万円（前年度 5,800百万円）\n\
                \u{20}\u{20}- 別途、令和８年度補正予算 1,400百万円\n";
    assert_eq!(
        budget_lines(text),
        [
            "新規就業者育成対策 R10 request 62",
            "新規就業者育成対策 R9 initial 58",
            "新規就業者育成対策 R8 supplementary 14"
        ]
    );
}

#[test]
fn a_three_line_header_with_the_label_alone_between_shares_repeated_bottom_words_by_year() {
    let text = "令和９年度　西湊町当初予算の概要\n\
                （単位：千円、％）\n\
                令和９年度\t令和８年度\t比 較\n\
                款\n\
                予算額\t構成比\t予算額\t構成比\t増減額\t伸率\n\
                1 町税\t4,512,300\t38.2\t4,480,100\t38.0\t32,200\t0.7\n";
    assert_eq!(
        budget_lines(text),
        ["町税 R9 initial 45.123", "町税 R8 initial 44.801"]
    );
}

#[test]
fn a_note_row_of_last_years_figure_under_a_row_gives_that_rows_earlier_figure() {
    let text = "令和９年度　東山村当初予算の概要\n４．主要事業\n（単位：千円）\n\
                │事　業　名                │        予　算　額│概　　要                │\n\
                │空き家改修補助事業        │  ３２，０００千円│改修費の２分の１を補助  │\n\
                │                          │（前年度２８，０００）│                    │\n\
                │簡易水道施設更新事業      │  ８５，４００千円│配水管の更新            │\n";
    assert_eq!(
        budget_lines(text),
        [
            "空き家改修補助事業 R9 initial 0.32",
            "空き家改修補助事業 R8 initial 0.28",
            "簡易水道施設更新事業 R9 initial 0.854"
        ]
    );
}

#[test]
fn a_marked_total_after_request_and_wish_columns_is_the_request() {
    let text = "# 令和10年度　港湾庁　予算概算要求の概要\n\n（単位：百万円）\n\n\
                | 区分 | 前年度<br>予算額<br>(A) | 要求額 | 要望額 | 合計<br>(B) | 増△減<br>(B)-(A) |\n\
                |:---|---:|---:|---:|---:|---:|\n\
                | 一般会計 | 12,400 | 11,900 | 1,600 | 13,500 | 1,100 |\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R9 initial 124", "一般会計 R10 request 135"]
    );
}

#[test]
fn accounts_under_a_heading_of_the_whole_budget_are_items_with_amounts_in_one_cell() {
    let text = "令和８年度 北川市 ６月補正予算（第２号）の概要\n\n１ 補正予算の規模\n\
                会 計\t補正前の額\t補正額\t補正後の額\n\
                一般会計\t６４５億２，１００万円 １２億４，８００万円\t６５７億６，９００万円\n\
                介護保険事業特別会計\t１２０億円\t△２，５００万円\t１１９億７，５００万円\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 supplementary 12.48",
            "介護保険事業特別会計 R8 supplementary -0.25"
        ]
    );
}

#[test]
fn a_requesting_sentence_names_each_purpose_with_a_parenthesis_inside_its_name() {
    let text = "# 令和10年度 港湾庁 概算要求の概要\n\n## ２．港湾の振興\n\n\
                離島航路の港湾施設の長寿命化に２１０億円、港湾運営会社（特例港湾）の機能強化として４６億円を要求する。\n";
    assert_eq!(
        budget_lines(text),
        [
            "離島航路の港湾施設の長寿命化 R10 request 210",
            "港湾運営会社(特例港湾)の機能強化 R10 request 46"
        ]
    );
}

#[test]
fn a_unit_in_brackets_after_a_heading_is_that_headings() {
    let text = "令和９年度 西野町当初予算の概要\n会計別予算額\n\
                会計区分\t会計区分\t令和９年度\t令和８年度\t比較増減 (A)－(B)\t伸び率 （％）\n\
                会計区分\t会計区分\t当初予算額 (A)\t当初予算額 (B)\t比較増減 (A)－(B)\t伸び率 （％）\n\
                特別会計\t下水道事業\t612,400\t598,100\t14,300\t2.4\n\
                （単位：千円）\n";
    assert_eq!(
        budget_lines(text),
        ["下水道事業 R9 initial 6.124", "下水道事業 R8 initial 5.981"]
    );
}

#[test]
fn a_row_grouped_under_repeated_cells_is_named_by_its_own_cell() {
    let text = "令和１０年度概算要求の概要\n（単位：百万円）\n\
                分　野\t分　野\t事　項\t令和９年度\t令和１０年度\t増△減額\t備　考\n\
                分　野\t分　野\t事　項\t予算額\t要求額\t増△減額\t備　考\n\
                １\t港湾物流の効率化\t港湾施設整備事業\t52,100\t54,300\t2,200\t\n\
                １\t港湾物流の効率化\t物流拠点機能強化\t3,140\t3,980\t840\t補助率1/3\n\
                １\t港湾物流の効率化\t小　計\t55,240\t58,280\t3,040\t\n\
                ２\t海上安全\t航路標識整備\t7,210\t7,050\t△160\t\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "港湾施設整備事業 R10 request 543",
            "港湾施設整備事業 R9 initial 521",
            "物流拠点機能強化 R10 request 39.80",
            "航路標識整備 R10 request 70.50",
        ],
    );
    assert!(
        !budgets
            .iter()
            .any(|b| b.starts_with("港湾物流の効率化 R9 initial 521")),
        "{budgets:?}"
    );
}

#[test]
fn a_row_of_changes_under_columns_of_accounts_is_no_budget() {
    let text = "# 令和９年度 港湾物流庁 概算要求の概要\n\n（単位：百万円）\n\n\
                | 区分 | 一般会計 | 港湾整備特別会計 | 計 |\n\
                |:---|---:|---:|---:|\n\
                | 令和８年度予算額（A） | 95,300 | 8,120 | 103,420 |\n\
                | 令和９年度要求額（B） | 99,840 | 8,060 | 107,900 |\n\
                | 増△減額（B）−（A） | 4,540 | △60 | 4,480 |\n\
                | 対前年度比（B）/（A） | 104.8% | 99.3% | 104.3% |\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "一般会計 R9 request 998.40",
            "港湾整備特別会計 R8 initial 81.20",
        ],
    );
    assert!(budgets.iter().all(|b| !b.contains("増")), "{budgets:?}");
}

#[test]
fn a_heading_over_a_table_of_one_row_of_years_names_the_figures() {
    let text = "# 令和９年度 港湾物流庁 概算要求の概要\n\n- 各表の単位は百万円。\n\n\
                ## Ⅰ 港湾物流の効率化　61,200百万円（57,400百万円）\n\n\
                ### (1) 港湾施設整備事業\n\n\
                | 令和８年度予算額 | 令和９年度要求額 | 増△減額 |\n\
                |---:|---:|---:|\n\
                | 52,100 | 54,300 | 2,200 |\n\n\
                - 岸壁の耐震化を支援（補助率 1/2）\n\n\
                ### (2) 【新規】物流拠点機能強化\n\n\
                | 令和８年度予算額 | 令和９年度要求額 | 増△減額 |\n\
                |---:|---:|---:|\n\
                | － | 3,980 | 皆増 |\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "港湾施設整備事業 R9 request 543",
            "港湾施設整備事業 R8 initial 521",
            "物流拠点機能強化 R9 request 39.80",
        ],
    );
}

#[test]
fn a_count_under_an_item_opens_no_item_of_its_own() {
    let text = [
        "令和９年度６月補正予算（案）の概要",
        "",
        "Ⅰ　台風災害からの復旧　　　　　　１８億４，０００万円",
        "\u{3000}\u{3000}○橋梁災害復旧事業　　　　　　　１２億６，０００万円",
        "\u{3000}\u{3000}\u{3000}\u{3000}被災箇所　１４３か所",
        "\u{3000}\u{3000}\u{3000}\u{3000}（当初予算額　３億円）",
        "\u{3000}\u{3000}○林道災害復旧事業　　　　　　　５億８，０００万円",
    ]
    .join("\n");
    let text = text.as_str();
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "橋梁災害復旧事業 R9 supplementary 12.60",
            "橋梁災害復旧事業 R9 initial 3",
            "林道災害復旧事業 R9 supplementary 5.80",
        ],
    );
}

#[test]
fn a_summary_whose_header_a_funding_breakdown_stacks_over_lines_gives_its_years() {
    // As a PDF's text gives a town's 歳出 summary: the header's words stacked over five
    // lines around a 財源内訳, each row a number, a name, the two years' figures, their
    // difference and the funding of this year's.
    let text = "令和８年度 北川町一般会計予算\n（歳 出）\n（単位：千円）\n\
                本年度の財源内訳\n\
                本年度\t前年度\n\
                款\t比 較\t特定財源\n\
                予算額\t予算額\t一般財源\n\
                国県支出金\t地方債\tその他\n\
                1\t議会費\t61,300\t60,850\t450\t－\t－\t－\t61,300\n\
                2\t総務費\t512,400\t498,100\t14,300\t31,200\t－\t120,400\t360,800\n\
                3\t衛生費\t238,600\t244,900\t△6,300\t18,400\t－\t30,100\t190,100\n\
                歳\t出 合\t計\t812,300\t803,850\t8,450\t49,600\t－\t150,500\t612,200\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "議会費 R8 initial 0.613",
            "議会費 R7 initial 0.6085",
            "総務費 R8 initial 5.124",
            "衛生費 R7 initial 2.449",
            "歳出合計 R8 initial 8.123",
        ],
    );
    assert!(budgets.iter().all(|b| !b.contains("0.184")), "{budgets:?}");
}

#[test]
fn a_row_of_what_was_spent_in_long_open_data_is_no_budget() {
    let text = "年度\t和暦\t会計\t款\t予算区分\t金額\t単位\n\
                2025\t令和7年度\t一般会計\t土木費\t決算\t412300\t千円\n\
                2026\t令和8年度\t一般会計\t土木費\t当初予算\t455800\t千円\n\
                2025\t令和7年度\t一般会計\t教育費\t決算額\t301200\t千円\n\
                2026\t令和8年度\t一般会計\t教育費\t当初予算\t322700\t千円\n";
    let budgets = budget_lines(text);
    assert!(
        budgets.iter().any(|b| b == "土木費 R8 initial 4.558"),
        "{budgets:?}"
    );
    assert!(
        budgets.iter().any(|b| b == "教育費 R8 initial 3.227"),
        "{budgets:?}"
    );
    assert!(
        budgets
            .iter()
            .all(|b| !b.contains("4.123") && !b.contains("3.012")),
        "{budgets:?}"
    );
}

#[test]
fn a_cell_under_a_request_over_last_years_budget_gives_both_years() {
    let text = "# 令和１０年度 港湾物流庁 概算要求の概要\n\n\
                上段：令和１０年度要求額　／　下段（　）：令和９年度予算額　（単位：百万円）\n\n\
                | 区分 | 要求額<br>（前年度予算額） | 増△減額 |\n\
                |:---|---:|---:|\n\
                | 一般会計 | 88,400<br>（80,150） | 8,250 |\n\
                | 港湾整備特別会計 | 6,020<br>（6,310） | △290 |\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "一般会計 R10 request 884",
            "一般会計 R9 initial 801.50",
            "港湾整備特別会計 R10 request 60.20",
            "港湾整備特別会計 R9 initial 63.10",
        ],
    );
}

#[test]
fn a_quoted_name_gets_the_amount_its_sentence_gives_it_on_the_next_line() {
    let text = "令和９年度６月補正予算案について\n\n\
                （１）暮らしを守る　　３２億８，０００万円\n\
                \u{3000}燃料費の高騰が続く中、県内の公衆浴場等の営業を継続するため、１施設当たり上限２０万円を支給する「公衆浴場等燃料費高騰対策支援金」\n\
                に４億２，０００万円を計上します。\n\
                \u{3000}また、物価高騰の影響を受ける高齢者世帯に対し１世帯当たり３万円を給付する「高齢者世帯物価高騰対策給付金」に\n\
                ２８億６，０００万円を計上します。\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "公衆浴場等燃料費高騰対策支援金 R9 supplementary 4.20",
            "高齢者世帯物価高騰対策給付金 R9 supplementary 28.60",
        ],
    );
}

#[test]
fn an_amount_a_supplementary_takes_off_is_negative() {
    let text = "令和９年度９月補正予算案について\n\n\
                ４\u{3000}特別会計\n\
                \u{3000}県営駐車場事業特別会計は、利用料収入の減少により３，２００万円を減額し、\
                水道用水供給事業特別会計は、動力費の増加に対応するため２億１，５００万円を増額します。\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "県営駐車場事業特別会計 R9 supplementary -0.32",
            "水道用水供給事業特別会計 R9 supplementary 2.15",
        ],
    );
}

#[test]
fn a_groups_name_spanning_every_column_keeps_the_table_open() {
    let text = "令和１０年度概算要求の概要\n（単位：千円）\n\
                組織／事項\t令和９年度予算額\t令和１０年度要求額\t増△減額\t備考\n\
                港湾局\t港湾局\t港湾局\t港湾局\t港湾局\n\
                港湾整備事業費\t5,120,000\t5,480,000\t360,000\t\n\
                港湾局　計\t5,120,000\t5,480,000\t360,000\t\n\
                海事局\t海事局\t海事局\t海事局\t海事局\n\
                船員確保対策費\t214,500\t238,000\t23,500\t\n\
                海事局　計\t214,500\t238,000\t23,500\t\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "港湾整備事業費 R10 request 54.80",
            "船員確保対策費 R10 request 2.38",
            "船員確保対策費 R9 initial 2.145",
            "海事局計 R10 request 2.38",
        ],
    );
}

#[test]
fn a_years_final_budget_after_its_supplementaries_is_no_initial_budget() {
    let text = "会計\t款\t令和9年度当初(千円)\t令和8年度当初(千円)\t比較(千円)\t令和8年度最終(千円)\n\
                一般会計\t町税\t412500\t405100\t7400\t418900\n\
                一般会計\t地方交付税\t1520000\t1498000\t22000\t1561300\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "町税 R9 initial 4.125",
            "町税 R8 initial 4.051",
            "地方交付税 R8 initial 14.98",
        ],
    );
    assert!(
        budgets
            .iter()
            .all(|b| !b.contains("4.189") && !b.contains("15.613")),
        "{budgets:?}"
    );
}

#[test]
fn a_projects_card_drawn_as_a_box_gives_its_cost_to_its_title() {
    let text = [
        "2028年度 当初予算の概要",
        "３　主要施策（事業費の単位：千円）",
        "┌────────────────────────────┐",
        "│【新規】学童保育室増設事業                  （こども課）│",
        "│\u{3000}事業費\u{3000}38,400千円（前年度\u{3000}―）                        │",
        "│\u{3000}財\u{3000}源\u{3000}県支出金 12,800／一般財源 25,600              │",
        "└────────────────────────────┘",
        "┌────────────────────────────┐",
        "│コミュニティバス運行事業                    （交通政策課）│",
        "│\u{3000}事業費\u{3000}21,700千円（前年度\u{3000}20,900千円）              │",
        "│\u{3000}財\u{3000}源\u{3000}一般財源 21,700                               │",
        "└────────────────────────────┘",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &[
            "学童保育室増設事業 R10 initial 0.384",
            "コミュニティバス運行事業 R10 initial 0.217",
            "コミュニティバス運行事業 R9 initial 0.209",
        ],
    );
    assert!(
        budgets
            .iter()
            .all(|b| !b.contains("0.256") && !b.starts_with("事業費")),
        "{budgets:?}"
    );
}

#[test]
fn a_funding_header_whose_last_line_names_each_source_is_read_as_one() {
    let text = [
        "令和8年度 当初予算の概要",
        "2\t一般会計歳出予算（款別）",
        "（単位：千円）",
        "本年度\t前年度\t本年度予算額の財源内訳",
        "款\t比較",
        "予算額\t予算額\t国県支出金\t地方債\tその他\t一般財源",
        "5\t労働費\t86,400\t88,100\t△1,700\t－\t－\t52,000\t34,400",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &["労働費 R8 initial 0.864", "労働費 R7 initial 0.881"],
    );
    assert_eq!(budgets.len(), 2, "{budgets:?}");
}

#[test]
fn a_rate_per_head_a_sentence_begins_on_the_line_above_is_no_budget() {
    let text = [
        "令和8年度 当初予算の概要",
        "一般会計の予算総額は52,373,200千円となった。なお、市民1人当たりの一般会",
        "計予算額は420,263円である。",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert!(
        budgets
            .iter()
            .any(|b| b.starts_with("一般会計 R8 initial 523.732")),
        "{budgets:?}"
    );
    assert!(budgets.iter().all(|b| !b.contains("0.0042")), "{budgets:?}");
}

#[test]
fn a_band_naming_a_kind_gives_it_to_the_items_under_it() {
    let text = [
        "令和7年度 補正予算（第1号）の概要",
        "Ⅳ\u{3000}既定経費の減額",
        "\u{3000}○既定経費の減額（△86.2億円）",
        "【財政投融資】",
        "\u{3000}○株式会社脱炭素化支援機構への出資（380.0億円）",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert!(
        budgets
            .iter()
            .any(|b| b.starts_with("株式会社脱炭素化支援機構への出資 R7 fiscal_investment 380")),
        "{budgets:?}"
    );
    let extraction = extracted(&text);
    let investment = node_id(NodeType::Measure, "株式会社脱炭素化支援機構への出資");
    assert!(
        !extraction
            .edges
            .iter()
            .any(|e| e.from == investment && e.rel == Rel::PartOf),
        "{:?}",
        extraction.edges
    );
}

#[test]
fn a_clause_ending_with_as_is_no_items_name() {
    let text = [
        "令和７年度　北岬県９月補正予算（第２号）の概要",
        "（１）県管理河川緊急浚渫推進事業（県土整備部）",
        "\u{3000}\u{3000}\u{3000}堆積土砂が著しい河川について、緊急に浚渫を実施する",
        "\u{3000}\u{3000}ことに要する経費として９８０，０００千円を計上する。",
        "（２）医療機関等光熱費高騰対策支援事業（健康福祉部）",
        "\u{3000}\u{3000}\u{3000}光熱費高騰分の一部を支援するための経費として６１２，０００千円を計上する。",
        "\u{3000}なお、本年度の補正予算額の累計は７，１４８，９００千円である。",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &[
            "県管理河川緊急浚渫推進事業 R7 supplementary 9.8",
            "医療機関等光熱費高騰対策支援事業 R7 supplementary 6.12",
        ],
    );
    assert_eq!(budgets.len(), 2, "{budgets:?}");
}

#[test]
fn a_breakdown_whose_head_stands_two_header_lines_up_is_no_row() {
    let text = [
        "令和８年度\u{3000}桜川市一般会計予算に関する説明書（抜粋）",
        "項\u{3000}１\u{3000}総務管理費                                                                                                                                              （単位：千円）",
        "──────────────────────────────────────────────────────────────────────────────────────",
        "                                                      本 年 度 の 財 源 内 訳                               節",
        "                           本年度     前年度          特\u{3000}定\u{3000}財\u{3000}源",
        "目                         予算額     予算額    比  較 国県支出金   地方債   その他   一般財源  区\u{3000}分                      金\u{3000}額  説\u{3000}\u{3000}\u{3000}\u{3000}明",
        "──────────────────────────────────────────────────────────────────────────────────────",
        "１ 一般管理費             845,320    812,410    32,910     12,400        0    8,150    824,770  １ 報酬                     12,340  ○職員人件費（特別職２人、一般職６８人）",
        "                                                                                                ２ 給料                    312,540  ○一般管理事務費",
        "                                                                                                ３ 職員手当等              198,760  ○例規集データベース更新",
        "                                                                                                ４ 共済費                  101,230  ○顧問弁護士委託（月額 55,000円）",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &[
            "一般管理費 R8 initial 8.4532",
            "一般管理費 R7 initial 8.1241",
        ],
    );
    assert!(
        budgets
            .iter()
            .all(|b| !b.starts_with("給料") && !b.contains("0.1234")),
        "{budgets:?}"
    );
}

#[test]
fn a_heading_naming_another_year_takes_the_kind_the_title_gives_it() {
    let text = [
        "令和８年度当初予算・令和７年度３月補正予算の概要",
        "",
        "■１\u{3000}令和８年度\u{3000}主要事業",
        "\u{3000}◇防犯灯整備事業………１２，０００千円（１０，０００千円）",
        "",
        "■２\u{3000}令和７年度\u{3000}３月補正予算",
        "\u{3000}一般会計            補正額\u{3000}▲５，０００千円",
        "\u{3000}介護保険特別会計    補正額\u{3000}３，０００千円",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &[
            "防犯灯整備事業 R8 initial 0.12",
            "防犯灯整備事業 R7 initial 0.1",
            "一般会計 R7 supplementary -0.05",
            "介護保険特別会計 R7 supplementary 0.03",
        ],
    );
    assert_eq!(budgets.len(), 4, "{budgets:?}");
}

#[test]
fn a_budget_book_page_with_its_header_over_three_lines_and_notes_under_its_rows() {
    let text = [
        "北原市　令和8年度　歳出予算説明書　　　　　　　　　　　　　　　（単位：千円）",
        "==========================================================================================",
        "                              前 年 度     本 年 度             │          本 年 度 の 財 源 内 訳",
        "                              予 算 額     予 算 額   比\u{3000}\u{3000}較  │  -----------------------------",
        " 款\u{3000}項\u{3000}目                         (A)          (B)    (B)-(A)  │  国県支出金    地 方 債    一般財源",
        "------------------------------------------------------------------------------------------",
        " 2款 総務費",
        "   1項 総務管理費",
        "     1目 一般管理費           512,300      530,100     17,800  │      12,000          －     518,100",
        "          説明  ・職員給与費\u{3000}401,200\u{3000}\u{3000}\u{3000}・庁舎管理費\u{3000}98,900",
        "                ・広報紙発行費\u{3000}30,000\u{3000}（1部当たり 38円）",
        "     2目 企画費               210,000      198,400    △11,600  │       5,000          －     193,400",
        "          説明  ・地域交通対策事業\u{3000}198,400",
        "==========================================================================================",
        "",
        " 7款 商工費",
        "   1項 商工費",
        "     1目 商工振興費           84,000       96,000     12,000  │      20,000      30,000      46,000",
    ]
    .join("\n");
    let budgets = budget_lines(&text);
    assert_budgets_begin_with(
        &budgets,
        &[
            "一般管理費 R8 initial 5.301",
            "一般管理費 R7 initial 5.123",
            "職員給与費 R8 initial 4.012",
            "庁舎管理費 R8 initial 0.989",
            "広報紙発行費 R8 initial 0.30",
            "企画費 R8 initial 1.984",
            "企画費 R7 initial 2.10",
            "地域交通対策事業 R8 initial 1.984",
            "商工振興費 R8 initial 0.96",
            "商工振興費 R7 initial 0.84",
        ],
    );
    assert_eq!(budgets.len(), 10, "{budgets:?}");
}

/// The items of `text`'s budgets flagged as revenue, and of those not, in document order.
fn revenue_and_spending(text: &str) -> (Vec<String>, Vec<String>) {
    let (revenue, spending): (Vec<_>, Vec<_>) = extracted(text)
        .nodes
        .into_iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .partition(|n| {
            n.props["flags"]
                .as_array()
                .is_some_and(|flags| flags.iter().any(|f| f == "revenue"))
        });
    let items = |nodes: Vec<crate::graph::model::NodeDraft>| {
        nodes
            .iter()
            .map(|n| {
                format!(
                    "{} {}",
                    n.props["item"].as_str().unwrap_or(""),
                    n.props["fy"]
                )
            })
            .collect::<Vec<_>>()
    };
    (items(revenue), items(spending))
}

#[test]
fn revenue_under_its_heading_is_flagged_and_spending_after_it_is_not() {
    let text = "令和８年度 当初予算の概要\n\
                ２　一般会計の主な歳入（単位：千円）\n\
                \u{3000}・町税          1,684,200千円\n\
                \u{3000}・国庫支出金      642,800千円\n\
                ３　主要施策\n\
                \u{3000}・子育て支援事業    18,000千円\n";
    let (revenue, spending) = revenue_and_spending(text);
    assert_eq!(revenue, ["町税 \"R8\"", "国庫支出金 \"R8\""]);
    assert_eq!(spending, ["子育て支援事業 \"R8\""]);
}

#[test]
fn a_group_total_alone_after_a_table_of_funding_sources_is_spending_of_the_budget_column() {
    let text = "令和７年度１２月補正予算案の概要\n\
                １　補正予算の規模（単位：千円）\n\
                区分\t補正前の額\t補正額\t補正後の額\n\
                一般会計\t748,216\t16,813\t765,029\n\
                ２　一般会計補正額の財源内訳\n\
                区分\t国庫支出金\t県債\t一般財源\t計\n\
                金額（千円）\t5,843\t1,700\t9,270\t16,813\n\
                ３　補正予算の主な内容\t（単位：千円）\n\
                施\t策\t・\t事\t業\t名\t補正前の額\t補正額\t補正後の額\t国庫支出金\t一般財源\t担当課\n\
                Ⅰ\t物価高騰対策\t3,284\n\
                １\tＬＰガス料金支援事業費\t－\t1,200\t1,200\t1,200\t－\t消費生活課\n\
                ２\t省エネ設備導入支援事業費\t150\t2,084\t2,234\t2,084\t－\t産業政策課\n";
    let (revenue, spending) = revenue_and_spending(text);
    assert_eq!(revenue, Vec::<String>::new());
    assert_eq!(
        spending,
        [
            "一般会計 \"R7\"",
            "物価高騰対策 \"R7\"",
            "LPガス料金支援事業費 \"R7\"",
            "省エネ設備導入支援事業費 \"R7\""
        ]
    );
    let amounts: Vec<String> = extracted(text)
        .nodes
        .iter()
        .filter(|node| node.node_type == NodeType::Budget)
        .filter_map(|node| {
            Some(format!(
                "{} {}",
                node.props.get("amount_oku_yen")?,
                node.props.get("kind")?
            ))
        })
        .collect();
    assert!(
        amounts.contains(&"\"0.03284\" \"supplementary\"".to_string()),
        "{amounts:?}"
    );
}

#[test]
fn a_revenue_table_beside_a_spending_table_flags_its_own_half() {
    let text = "令和７年度 西山村予算の概要\n歳入・歳出の内訳（単位：千円）\n\
                歳入\t予算額\t構成比\t歳出\t予算額\t構成比\n\
                村税\t312,400\t13.0%\t議会費\t48,200\t2.0%\n\
                村債\t210,000\t8.8%\t土木費\t345,000\t14.4%\n\
                公債費\t260,000\t10.8%\n";
    let (revenue, spending) = revenue_and_spending(text);
    assert_eq!(revenue, ["村税 \"R7\"", "村債 \"R7\""]);
    assert_eq!(
        spending,
        ["議会費 \"R7\"", "土木費 \"R7\"", "公債費 \"R7\""]
    );
}

#[test]
fn a_caption_a_band_or_a_row_naming_revenue_flags_its_figures() {
    let captioned = "令和９年度当初予算\n\n一般会計歳入（単位：千円）\n\
                     款\t本年度\t前年度\n市税\t2,145,000\t2,120,000\n\n\
                     一般会計歳出（単位：千円）\n款\t本年度\t前年度\n総務費\t845,000\t820,000\n";
    let (revenue, spending) = revenue_and_spending(captioned);
    assert_eq!(revenue, ["市税 \"R9\"", "市税 \"R8\""]);
    assert_eq!(spending, ["総務費 \"R9\"", "総務費 \"R8\""]);

    let banded = "令和９年度補正予算（第２号）\n（単位：千円）\n【歳入】\n\
                  款\t補正額\n県支出金\t12,000\n【歳出】\n款\t補正額\n民生費\t12,000\n";
    let (revenue, spending) = revenue_and_spending(banded);
    assert_eq!(revenue, ["県支出金 \"R9\""]);
    assert_eq!(spending, ["民生費 \"R9\""]);

    let classified = "令和９年度当初予算\n\
                      年度\t会計\t歳入歳出区分\t款\t予算額（千円）\n\
                      2027\t一般会計\t歳入\t市税\t13284000\n\
                      2027\t一般会計\t歳出\t議会費\t412000\n";
    let (revenue, spending) = revenue_and_spending(classified);
    assert_eq!(revenue, ["市税 \"R9\""]);
    assert_eq!(spending, ["議会費 \"R9\""]);
}

#[test]
fn funding_sources_of_a_supplementary_are_revenue_and_a_projects_breakdown_is_not_its_caption() {
    let sources = "令和７年度２月補正予算の概要\n\
                   第１　補正予算の規模\n　一般会計　３，７６２，５００千円\n\
                   第２　補正予算の財源（一般会計）\n\
                   \u{3000}国庫支出金　２，６１４，８００千円、県債　１，１４７，７００千円\n";
    let (revenue, spending) = revenue_and_spending(sources);
    assert_eq!(revenue, ["国庫支出金 \"R7\"", "県債 \"R7\""]);
    assert_eq!(spending, ["一般会計 \"R7\""]);

    let projects = "令和８年度 主要事業\n（単位：千円）\n財 源 内 訳\n\
                    事業名\t予算額\t国庫支出金\t一般財源\n\
                    こども医療費助成事業\t742,800\t241,300\t501,500\n";
    let (revenue, spending) = revenue_and_spending(projects);
    assert!(revenue.is_empty(), "{revenue:?}");
    assert_eq!(spending, ["こども医療費助成事業 \"R8\""]);
}
#[test]
fn a_note_naming_the_year_work_runs_to_starts_no_table_of_that_year() {
    let text = "令和７年度 ９月補正予算（第３号）の概要\n（単位：千円）\n３ 子育て・教育の充実\n\
                事 業\t名\t款\t補\t正 額\t事\t業\t概 要\n\
                新規\t令和８年度までに全１４校へ整備するための\n\
                小中学校体育館空調設備整備事業\t教育費\t４４，２００\t実施設計\n\
                放課後児童クラブ運営事業\t民生費\t１８，６４０\n";
    assert_eq!(
        budget_lines(text),
        [
            "小中学校体育館空調設備整備事業 R7 supplementary 0.442",
            "放課後児童クラブ運営事業 R7 supplementary 0.1864"
        ]
    );
}

#[test]
fn a_figure_heading_whose_first_letter_stands_apart_is_one_column() {
    let text = "令和７年度 ９月補正予算（第３号）の概要\n（単位：千円）\n\
                款\t補正前の額\t補\t正 額\t補正後の額\t主な内容\n\
                議会費\t４０２，８８０\t－\t４０２，８８０\n\
                総務費\t５，８０２，１１８\t１１２，５４０\t５，９１４，６５８\t避難所環境改善事業\n\
                商工費\t１，６０４，２２０\t△４６，５００\t１，５５７，７２０\t価格高騰対策支援金\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務費 R7 supplementary 1.1254",
            "商工費 R7 supplementary -0.465"
        ]
    );
}

#[test]
fn a_three_line_header_whose_middle_line_holds_the_one_line_cells() {
    // A PDF's text sets the cells of one line (`No.`, `事業名`, `比較`, …) between the two
    // lines of the stacked ones; the notes and sections the rows' text moves elsewhere.
    let text = "令和９年度　当初予算案の概要\n\
                （単位：百万円）\n\
                令和９年度\t令和８年度\t財 源 内 訳\n\
                No.\t事 業 名\t比較\t事業概要\t担当課\n\
                予算額\t予算額\t国庫支出金\t県債\t その他\t一般財源\n\
                1\t【新規】 通園支援事業\t1,245.6\t－\t皆増\t622.8\t－\t－\t622.8\n\
                2\t子ども医療費助成事業\t5,432.1\t4,987.6\t444.5\t－\t－\t－\t5,432.1\n\
                3\t地域医療確保事業\t4,567.8\t4,612.3\t△44.5\t3,045.2\t－\t1,522.6\t0.0\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "通園支援事業 R9 initial 12.456 ",
            "子ども医療費助成事業 R9 initial 54.321 4.445",
            "子ども医療費助成事業 R8 initial 49.876 ",
            "地域医療確保事業 R9 initial 45.678 -0.445",
            "地域医療確保事業 R8 initial 46.123 "
        ]
    );
}

#[test]
fn a_notes_column_lists_parts_of_each_row_by_number_with_wrapped_names() {
    // A fixed-width 説明書: each 目's 説明 lists its parts by number beside and under the
    // row, a name may wrap onto the next line, a line of the notes holds no amount, and the
    // 項 total is named by the numbered caption above the table.
    let text = concat!(
        "令和８年度　市一般会計予算に関する説明書\n",
        "３　歳　出\n",
        "　款　４　衛生費\n",
        "　項　１　保健衛生費\n",
        "                                                                                                                                        （単位：千円）\n",
        "──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n",
        "　　　目                        本年度      前年度     比　較           本年度の財源内訳                        　　　　　説　　　　明\n",
        "                                予算額      予算額            国県支出金    地方債    その他    一般財源\n",
        "──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n",
        "１ 保健衛生総務費              412,356     398,120     14,236     35,200              12,410     364,746  １ 職員給与費                     ２９８，４１０\n",
        "                                                                                                          　・一般職　３８人\n",
        "                                                                                                          ２ 保健センター管理運営費           ４５，６２０\n",
        "\n",
        "４ 環境衛生費                  113,700      91,900     21,800     14,660              41,820      57,220  １ 斎場管理運営費                   ６４，３００\n",
        "                                                                                                          ２ 狂犬病予防・動物愛護推進事業       ５，４００\n",
        "                                                                                                          ３ 合併処理浄化槽設置整備\n",
        "                                                                                                          　 補助金                           ４４，０００\n",
        "\n",
        "──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n",
        "　　項　計                   1,126,704   1,089,215     37,489    171,000              59,325     896,379\n",
    );
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "保健衛生総務費 R8 initial 4.12356 0.14236",
            "保健衛生総務費 R7 initial 3.9812 ",
            "職員給与費 R8 initial 2.9841 ",
            "保健センター管理運営費 R8 initial 0.4562 ",
            "環境衛生費 R8 initial 1.137 0.218",
            "環境衛生費 R7 initial 0.919 ",
            "斎場管理運営費 R8 initial 0.643 ",
            "狂犬病予防・動物愛護推進事業 R8 initial 0.054 ",
            "合併処理浄化槽設置整備補助金 R8 initial 0.44 ",
            "保健衛生費 R8 initial 11.26704 0.37489",
            "保健衛生費 R7 initial 10.89215 "
        ]
    );
}

#[test]
fn a_header_over_three_lines_with_a_breakdown_beside_it_keeps_each_row_under_its_columns() {
    // A 説明書's header stacked over three lines, two of its cells one space apart
    // (`一般財源 区　分`), a breakdown by 節 and a 説明 column beside the rows: the rows'
    // figures stand under their columns whatever cells they leave empty, under headings
    // between the rows, and neither the breakdown nor the notes make budgets.
    let text = concat!(
        "令和８年度　市一般会計予算に関する説明書\n",
        "３　歳　出                                            （単位：千円）\n",
        "　２項　児童福祉費\n",
        "　　款　・　項　・　目        本年度      前年度     比　較 　　　本　年　度　の　財　源　内　訳      　　　　　節                      　　説　　　明\n",
        "                              予算額      予算額            　　　特　定　財　源             一般財源 区　分                     金　額\n",
        "                                                            国県支出金    地方債    その他\n",
        "------------------------------------------------------------------------------------------------------------------------------------------------------\n",
        "　　４目　老人福祉費       1,034,567   1,102,345   △67,778    187,650              23,400    823,517 12 委託料                  98,760 １　介護保険特別会計繰出金　 512,300\n",
        "                                                                                                      18 負担金補助及び交付金    123,450 ２　後期高齢者医療特別会計繰出金\n",
        "                                                                                                      19 扶助費                  34,560 　　　　　　　　　　　　　　 265,497\n",
        "                                                                                                      27 繰出金                 777,797 ３　老人クラブ活動助成　　　　12,450\n",
        "                                                                                                                                        ４　敬老祝金（１人当たり10千円）\n",
        "\n",
        "　３項　生活保護費\n",
        "\n",
        "　　１目　生活保護総務費      98,765      95,432      3,333     24,680                         74,085  2 給料                    45,670 生活保護総務事務費\n",
        "                                                                                                       3 職員手当等              28,900 　　就労支援員配置委託\n",
        "                                                                                                      12 委託料                  24,195\n",
    );
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "老人福祉費 R8 initial 10.34567 -0.67778",
            "老人福祉費 R7 initial 11.02345 ",
            "生活保護総務費 R8 initial 0.98765 0.03333",
            "生活保護総務費 R7 initial 0.95432 "
        ]
    );
}

#[test]
fn a_listed_figure_keeps_the_signed_change_in_parentheses_after_it() {
    let text = "令和９年度財政投融資計画\n\
                【別表2】使途別分類（単位：億円、かっこ内は対前年度増減）\n\
                \u{3000}（1）住宅\u{3000}…\u{3000}5,240（＋60）\n\
                \u{3000}（2）生活環境整備\u{3000}…\u{3000}10,120（▲340）\n\
                \u{3000}（3）道路\u{3000}…\u{3000}7,600（±0）\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "住宅 R9 fiscal_investment 5240 60",
            "生活環境整備 R9 fiscal_investment 10120 -340",
            "道路 R9 fiscal_investment 7600 0"
        ]
    );
}

#[test]
fn a_grids_second_header_row_naming_no_budget_column_is_read_with_the_row_above() {
    let text = "令和8年度当初予算（案）の概要\n（単位：千円）\n\
                款\t令和8年度 予算額\t令和7年度 予算額\t比較増減\t令和8年度 財源内訳\t\t\t\n\
                款\t\t\t比較増減\t国庫支出金\t県債\tその他\t一般財源\n\
                議会費\t1,284,300\t1,262,150\t22,150\t0\t0\t3,100\t1,281,200\n\
                総務費\t38,412,600\t40,115,820\t△1,703,220\t1,205,400\t2,410,000\t6,318,750\t28,478,450\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "議会費 R8 initial 12.843 0.2215",
            "議会費 R7 initial 12.6215 ",
            "総務費 R8 initial 384.126 -17.0322",
            "総務費 R7 initial 401.1582 "
        ]
    );
}

#[test]
fn a_grids_header_over_three_rows_keeps_a_spanned_breakdown_apart_from_its_total() {
    let text = "令和９年度財政投融資計画（機関別）\n\t\t\t（単位：億円、％）\n\
                区分\t機関名\t令和９年度計画額\t\t\t\t令和８年度当初計画額\t対前年度増減\t\n\
                \t\t原資別内訳\t\t\t計\t\t増減額\t増減率\n\
                \t\t財政融資\t産業投資\t政府保証\t\t\t\t\n\
                独立行政法人等\t\t\t\t\t\t\t\t\n\
                \t（独）交通基盤支援機構\t1,240\t150\t－\t1,390\t1,105\t285\t25.8\n\
                合計\t\t88,240\t1,790\t9,800\t99,830\t101,079\t▲1,249\t▲1.2\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "(独)交通基盤支援機構 R9 fiscal_investment 1390 285",
            "(独)交通基盤支援機構 R8 fiscal_investment 1105 ",
            // The title above the unit line (`（単位：億円、％）`) captions the table.
            "令和9年度財政投融資計画(機関別) R9 fiscal_investment 99830 -1249",
            "令和9年度財政投融資計画(機関別) R8 fiscal_investment 101079 "
        ]
    );
}

#[test]
fn a_numbered_label_with_its_letters_set_wide_apart_is_one_name() {
    let text = "令和８年度　一般会計予算\n\
                第１表　歳入歳出予算\n\
                \u{3000}歳\u{3000}出\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}（単位：千円）\n\
                \u{3000}\u{3000}\u{3000}款\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}項\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}金\u{3000}\u{3000}額\n\
                \u{3000}２\u{3000}総\u{3000}\u{3000}務\u{3000}\u{3000}費\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}９１０，６５０\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}１\u{3000}総務管理費\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}８１２，３４０\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}２\u{3000}徴\u{3000}\u{3000}税\u{3000}\u{3000}費\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}９８，３１０\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務費 R8 initial 9.1065",
            "総務管理費 R8 initial 8.1234",
            "徴税費 R8 initial 0.9831"
        ]
    );
}

#[test]
fn a_body_written_with_its_legal_form_is_the_item_a_sentence_allots_to() {
    let text = "令和９年度財政投融資計画について\n（1）政策金融機関\n\
                \u{3000}（株）地域産業育成金融公庫には、資金繰りを支えるため、前年度を1,150億円下回る\
                2兆9,850億円を計上した。\n\
                \u{3000}（株）国際開発協力銀行は、インフラ海外展開を支援するため、前年度から450億円増の\
                2兆2,290億円を計上する。\n";
    assert_eq!(
        budget_lines(text),
        [
            "(株)地域産業育成金融公庫 R9 fiscal_investment 29850",
            "(株)国際開発協力銀行 R9 fiscal_investment 22290"
        ]
    );
}

#[test]
fn a_running_head_atop_each_page_ends_no_table() {
    let text = "地域整備省\t令和８年度補正予算（第１号）\n\n\
                令和８年度 地域整備省関係 補正予算（第１号）の概要\n\
                （単位：億円）\n\
                事 項\t補正予算額\t会計\t主 な 内 容\t担当局\n\
                Ⅰ 防災・減災\n\
                (1) 流域治水緊急対策事業\t1,284.6\t一般\t遊水地の整備\t水管理局\n\
                計\t1,284.6\n\
                1\n\
                地域整備省\t令和８年度補正予算（第１号）\n\
                Ⅱ 災害復旧等\n\
                (1) 災害復旧事業（直轄・補助）\t1,946.8\t一般\t河川等の災害復旧\t防災局\n\
                計\t1,946.8\n";
    assert_eq!(
        budget_lines(text),
        [
            "流域治水緊急対策事業 R8 supplementary 1284.6",
            "防災・減災 R8 supplementary 1284.6",
            "災害復旧事業(直轄・補助) R8 supplementary 1946.8",
            "災害復旧等 R8 supplementary 1946.8"
        ]
    );
}

#[test]
fn a_breakdown_headed_alone_above_the_header_stands_beside_its_columns() {
    // A PDF's text: the breakdown's head alone over the header, its columns on the line
    // under it, and the rows' empty cells left out.
    let text = "令和８年度 補正予算（第４号）の概要\n\
                一般会計歳出補正予算（款別）\n\
                （単位：千円）\n\
                補正額の財源内訳\n\
                款\t補正前の額\t補正額\t補正後の額\n\
                国県支出金\t市債\tその他\t一般財源\n\
                1 議会費\t612,480\t－\t612,480\n\
                2 総務費\t7,418,260\t147,118\t7,565,378\t32,500\t48,500\t66,118\n\
                3 民生費\t24,806,315\t189,870\t24,996,185\t172,976\t16,894\n\
                歳出合計\t32,837,055\t336,988\t33,174,043\t172,976\t32,500\t48,500\t83,012\n\
                \n\
                一般会計補正事業一覧\n\
                補正額の財源内訳\n\
                No.\t事 業 名\t款\t補正額\t事業の概要\n\
                国県支出金\t市債\tその他\t一般財源\n\
                6\t放課後児童クラブ施設整備事業\t民生費\t18,900\t12,600\t6,300\t2か所新設\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務費 R8 supplementary 1.47118",
            "民生費 R8 supplementary 1.8987",
            "歳出合計 R8 supplementary 3.36988",
            "放課後児童クラブ施設整備事業 R8 supplementary 0.189"
        ]
    );
}

#[test]
fn a_breakdowns_column_word_past_a_column_of_figures_stands_under_the_breakdown() {
    // `国県支出金` starts one column past `比　較` and ends one before `特定財源`.
    let text = "令和７年度　一般会計歳入歳出予算事項別明細書\n\
                （単位：千円）\n\
                \u{20}                                                                                                   本 年 度 の 財 源 内 訳\n\
                款            項                      目                           本 年 度   前 年 度    比　較            特定財源            一般財源\n\
                \u{20}                                                                                                国県支出金   地方債   その他\n\
                2　総務費                                                           671,800    615,510    56,290     35,180            59,390    577,230\n\
                \u{20}                                     5　電子計算費                  61,830     60,120     1,710      9,400                       52,430\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務費 R7 initial 6.718",
            "総務費 R6 initial 6.1551",
            "電子計算費 R7 initial 0.6183",
            "電子計算費 R6 initial 0.6012"
        ]
    );
}

#[test]
fn a_plan_by_body_names_its_rows_by_body_and_leaves_the_totals_sources_out() {
    let text = "令和８年度財政投融資計画　機関別一覧\n\
                （単位：億円）\n\
                番号\t区分\t機関名\t令和８年度計画額\t財政融資\t産業投資\t政府保証\t令和７年度計画額\t増減額\n\
                4\t政府関係機関\t（株）国民生活金融支援公庫\t24,180\t21,400\t－\t2,780\t23,450\t730\n\
                5\t\t（株）農林漁業成長金融公庫\t6,340\t6,340\t－\t－\t6,120\t220\n";
    assert_eq!(
        budget_lines(text),
        [
            "(株)国民生活金融支援公庫 R8 fiscal_investment 24180",
            "(株)国民生活金融支援公庫 R7 fiscal_investment 23450",
            "(株)農林漁業成長金融公庫 R8 fiscal_investment 6340",
            "(株)農林漁業成長金融公庫 R7 fiscal_investment 6120"
        ]
    );
}

#[test]
fn a_name_a_wrapped_sentence_began_on_the_line_above_is_read_whole() {
    let text = "令和８年度 流域水環境庁関係予算の概要\n\
                主な内訳は、地下水保全対策推進事業に48億円（前年度44億円）、水源林整備・保全\n\
                事業に126億円を計上した。\n";
    assert_eq!(
        budget_lines(text),
        [
            "地下水保全対策推進事業 R8 initial 48",
            "地下水保全対策推進事業 R7 initial 44",
            "水源林整備・保全事業 R8 initial 126"
        ]
    );
}

#[test]
fn a_change_stated_before_its_figure_stands_between_the_figure_and_its_name() {
    let text = "令和８年度 流域水環境庁関係予算の概要\n\
                雨水貯留浸透施設整備交付金には前年度から3億円減の92億円を計上している。\n\
                排水機場等緊急更新事業には前年度から7億5,000万円減の101億5,000万円を計上した。\n";
    assert_eq!(
        budget_lines(text),
        [
            "雨水貯留浸透施設整備交付金 R8 initial 92",
            "排水機場等緊急更新事業 R8 initial 101.50"
        ]
    );
}

#[test]
fn a_budget_after_a_supplementary_named_on_the_line_above_is_no_supplementary() {
    let text = "令和８年度 菖蒲ヶ浜市補正予算（第４号）の概要\n\
                今回の補正予算は、国の経済対策に呼応した物価高騰対策、令和８年７月豪雨からの災害復旧、学校施設の環境改善を中心に編成しました。一般会計の補正後の予算総額は\n\
                63,020,521,684円、全会計の補正後の総額は97,403,325,684円となります。このほか、債務負担行為の追加１件を併せて提案します。\n\
                会計別補正予算額\n\
                （単位：円）\n\
                会計\t補正前の額\t補正額\t補正後の額\n\
                一般会計\t62,461,676,000\t558,845,684\t63,020,521,684\n";
    assert_eq!(budget_lines(text), ["一般会計 R8 supplementary 5.58845684"]);
}

#[test]
fn a_bulleted_row_of_a_table_is_a_row_not_a_note_of_the_row_above() {
    let text = "令和９年度 概算要求の概要\n（単位：百万円）\n\
                事項\t令和８年度予算額\t令和９年度要求額\t差引増減額\n\
                ○国土強靱化\t220,400\t234,330\t13,930\n\
                ・治山事業\t58,720\t61,480\t2,760\n\
                ・林道事業\t2,140\t2,090\t▲50\n";
    assert_eq!(
        budget_lines(text),
        [
            "国土強靱化 R8 initial 2204",
            "国土強靱化 R9 request 2343.30",
            "治山事業 R8 initial 587.20",
            "治山事業 R9 request 614.80",
            "林道事業 R8 initial 21.40",
            "林道事業 R9 request 20.90"
        ]
    );
}

#[test]
fn a_budget_books_blocks_are_read_under_their_group_lines_without_their_breakdown() {
    // A 事項別明細書: the 節 head on a line of its own over the header, `区　分` nearer the
    // funding column than 説明; each 項's rows under a line naming it, ended by its `計`.
    let text = [
        "令和７年度\u{3000}青柳市一般会計歳入歳出予算事項別明細書                   （単位：千円）",
        "３\u{3000}歳\u{3000}出\u{3000}\u{3000}\u{3000}６款\u{3000}農林水産業費\u{3000}\u{3000}\u{3000}１項\u{3000}農業費",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "                                                    本年度の財源内訳                               節",
        "目                        本年度    前年度    比\u{3000}較            特定財源           一般財源                                      説\u{3000}\u{3000}明",
        "                          予算額    予算額           国県支出金   地方債   その他             区\u{3000}分                     金\u{3000}額",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "1 農業委員会費            28,640    27,910       730      2,140                      26,500    1 報酬                     7,980  ○農業委員会運営事業",
        "                                                                                               2 給料                    11,260  \u{3000}委員\u{3000}１４人",
        "2 農業総務費              96,820    94,150     2,670                        1,200    95,620    2 給料                    48,300  ○職員給与費（一般職\u{3000}１２人）",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "\u{3000}\u{3000}計                   125,460   122,060     3,400      2,140             1,200   122,120",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "",
        "\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}６款\u{3000}農林水産業費\u{3000}\u{3000}\u{3000}２項\u{3000}林業費",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "1 林業総務費              18,720    18,300       420                                 18,720    2 給料                     9,860  ○職員給与費（一般職\u{3000}２人）",
        "                                                                                               3 職員手当等               5,120",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
        "\u{3000}\u{3000}計                    18,720    18,300       420                                 18,720",
        "----------------------------------------------------------------------------------------------------------------------------------------------------------------",
    ]
    .join("\n");
    let this_year: Vec<String> = budget_lines(&text)
        .into_iter()
        .filter(|line| line.contains(" R7 "))
        .collect();
    assert_eq!(
        this_year,
        [
            "農業委員会費 R7 initial 0.2864",
            "農業総務費 R7 initial 0.9682",
            "農業費 R7 initial 1.2546",
            "林業総務費 R7 initial 0.1872",
            "林業費 R7 initial 0.1872"
        ]
    );
    // The header's top line is no item.
    let measures = names(&text, NodeType::Measure);
    assert!(
        !measures.iter().any(|name| name.contains("財源内訳")),
        "{measures:?}"
    );
}

#[test]
fn a_group_spanning_a_row_of_the_table_owns_the_total_that_ends_its_rows() {
    let text = "令和８年度当初予算案の概要\n（単位：百万円）\n\
                表3　施策の柱別 主要事業\n\
                事業名\t令和８年度当初\t所管部\n\
                Ⅰ　暮らしの応援\tⅠ　暮らしの応援\tⅠ　暮らしの応援\n\
                地域交通維持支援事業\t1,240\t交通政策局\n\
                子育て世帯食費応援事業\t1,560\tこども家庭部\n\
                計\t2,800\t\n\
                Ⅱ　防災の加速\tⅡ　防災の加速\tⅡ　防災の加速\n\
                河川緊急浚渫事業\t6,720\t土木部\n\
                計\t6,720\t\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域交通維持支援事業 R8 initial 12.40",
            "子育て世帯食費応援事業 R8 initial 15.60",
            "暮らしの応援 R8 initial 28",
            "河川緊急浚渫事業 R8 initial 67.20",
            "防災の加速 R8 initial 67.20"
        ]
    );
}

#[test]
fn a_change_stated_as_a_decrease_is_negative() {
    let text = "令和８年度 予算の概要\n\
                あわせて、医師の働き方改革推進事業に418億円（前年度比22億円減）、\n\
                訪問看護推進事業に126億円（前年度比3億円増）を計上した。\n";
    assert_eq!(
        budget_props(text, &["item", "amount_oku_yen", "change_oku_yen"]),
        ["医師の働き方改革推進事業 418 -22", "訪問看護推進事業 126 3"]
    );
}

#[test]
fn a_change_cell_written_as_a_decrease_is_negative() {
    let text = "令和９年度当初予算の概要\n\
                区分\t令和９年度\t令和８年度\t増減\n\
                国民健康保険特別会計\t15億8,200万円\t16億1,000万円\t2,800万円減\n\
                介護保険特別会計\t12億4,000万円\t12億1,000万円\t3,000万円増\n";
    let budgets = budget_props(text, &["item", "fy", "change_oku_yen"]);
    assert!(
        budgets.contains(&"国民健康保険特別会計 R9 -0.28".to_string())
            && budgets.contains(&"介護保険特別会計 R9 0.3".to_string()),
        "{budgets:?}"
    );
}

#[test]
fn a_white_papers_sentences_name_each_amount_they_allocate() {
    let text = "令和９年版　港湾白書\n\
                １　令和９年度予算の概要\n\
                令和９年度の港湾局関係予算は、一般会計で2,400億円を計上した。これに復興特別会計の120億円を加えると、\n\
                規模は過去最大となる。第一に、岸壁の耐震化を進めるため港湾強靱化総合対策とし\n\
                て860億円を計上した。あわせて、航路浚渫事業に210億円（前年度比10億円増）、港湾情報化推進事業に\n\
                45億円を計上した。第二に、離島航路支援事業には330億円を計上する。\n";
    assert_eq!(
        budget_props(text, &["item", "fy", "amount_oku_yen"]),
        [
            "一般会計 R9 2400",
            "復興特別会計 R9 120",
            "港湾強靱化総合対策 R9 860",
            "航路浚渫事業 R9 210",
            "港湾情報化推進事業 R9 45",
            "離島航路支援事業 R9 330"
        ]
    );
}

#[test]
fn a_sentence_begun_above_with_a_label_of_last_year_gives_its_figure_that_year() {
    let text = "令和８年度一般会計予算（案）の概要\n\
                １　予算の規模\n\u{3000}\
                令和８年度一般会計予算の総額は、2,486,200千円となり、前年度当初予算\n\
                2,312,900千円と比べ、173,300千円（7.5％）の増となりました。\n";
    let budgets = budget_lines(text);
    assert!(
        budgets.iter().any(|b| b.ends_with("R7 initial 23.129")),
        "{budgets:?}"
    );
}

#[test]
fn a_header_on_three_lines_with_notes_in_its_middle_line_fills_its_figures_first() {
    let text = "令和８年度 概算要求の概要\n\
                （単位：百万円）\n\
                令和６年度\t令和７年度\t令和８年度\t増減額\n\
                事 項\t備 考\n\
                決算額\t当初予算額（Ａ）\t要求額（Ｂ）\t（Ｂ）－（Ａ）\n\
                港湾整備事業\t1,000\t1,100\t1,300\t200\n\
                航路標識整備\t300\t320\t350\t30\t更新 12基\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "港湾整備事業 R8 request 13",
            "港湾整備事業 R7 initial 11",
            "航路標識整備 R8 request 3.50",
        ],
    );
    assert!(!budgets.iter().any(|b| b.contains("R6")), "{budgets:?}");
}

#[test]
fn a_table_captioned_below_an_items_figure_totals_what_its_caption_names() {
    let text = "令和９年度 予算のあらまし\n\
                ◆海岸清掃事業\n\
                1,200万円（前年度同額）\n\
                歳出を性質別にみると（一般会計）\n\
                （単位：千円、％）\n\
                区 分\t令和９年度\t令和８年度\t増 減\t構成比\n\
                人件費\t500,000\t490,000\t10,000\t50.0\n\
                物件費\t500,000\t510,000\t△10,000\t50.0\n\
                合 計\t1,000,000\t1,000,000\t0\t100.0\n\
                （参考）令和７年度決算 歳出総額 9億8,000万円\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "海岸清掃事業 R9 initial 0.12",
            "人件費 R9 initial 5",
            "歳出を性質別にみると(一般会計) R9 initial 10",
        ],
    );
    // `前年度同額` names no figure of the year before; what was settled is no budget.
    assert!(
        !budgets
            .iter()
            .any(|b| b.starts_with("海岸清掃事業 R8") || b.contains("R7")),
        "{budgets:?}"
    );
}

#[test]
fn a_sentence_opening_with_its_budget_frames_the_figures_after_it() {
    let text = "令和８年版　港湾白書\n\
                ２　令和７年度補正予算及び令和８年度財政投融資計画\n\
                令和７年度補正予算（第１号）では、災害への対応のため、一般会計で総額300億円を計上し\n\
                た。その内訳は、岸壁復旧事業に200億円、\n\
                航路啓開支援事業に100億円である。\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R7 supplementary 300",
            "岸壁復旧事業 R7 supplementary 200",
            "航路啓開支援事業 R7 supplementary 100"
        ]
    );
}

#[test]
fn a_rows_zero_padded_code_before_its_name_is_no_figure() {
    let text = "令和１０年度 予算書\n\
                （単位：千円）\n\
                款   項   区分                      本年度予算額  前年度予算額        比較\n\
                010       議会費                          92,480        90,160       2,320\n\
                \x20    010    議会費                        92,480        90,160       2,320\n\
                020       総務費                         505,370       486,350      19,020\n\
                \x20    010    総務管理費                   412,360       398,720      13,640\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "議会費 R10 initial 0.9248",
            "総務費 R10 initial 5.0537",
            "総務管理費 R10 initial 4.1236",
        ],
    );
}

#[test]
fn a_breakdown_names_every_amount_it_lists_across_lines() {
    let text = "２　令和７年度補正予算\n\
                令和７年度補正予算（第１号）では、災害への対応のため、一般会計で総額2,148億円を計上し\n\
                た。その内訳は、医療機関光熱費上昇緊急支援金に1,230億円、二次救急受入強化事業に315億円、\n\
                医療機関の施設耐震化整備に402億円、災害派遣医療チーム装備整備に185億円、\n\
                医療的ケア児受入体制緊急整備に16億円である。\n";
    let found = budget_lines(text);
    assert_has_all(
        &found,
        &[
            "医療機関光熱費上昇緊急支援金 R7 supplementary 1230",
            "医療機関の施設耐震化整備 R7 supplementary 402",
            "災害派遣医療チーム装備整備 R7 supplementary 185",
            "医療的ケア児受入体制緊急整備 R7 supplementary 16",
        ],
    );
}

#[test]
fn a_fiscal_investment_plan_named_in_prose_lends_in_its_own_year() {
    // Its topic (`…財政投融資計画額は`) under a heading a supplementary's sentence framed.
    let text = "２　令和７年度補正予算及び令和８年度財政投融資計画\n\
                令和７年度補正予算（第１号）では、一般会計で総額2,148億円を計上した。\n\
                令和８年度の財政投融資計画額は4,260億円（前年度比60億円減）である。このうち\n\
                （独）地域病院経営支援機構に3,420億円（前年度比120億円減）を計上する。\n";
    let found = budget_lines(text);
    assert_has_all(
        &found,
        &[
            "一般会計 R7 supplementary 2148",
            "財政投融資計画 R8 fiscal_investment 4260",
            "(独)地域病院経営支援機構 R8 fiscal_investment 3420",
        ],
    );
    // Its frame (`財政投融資計画では、令和８年度に…`) after the figures of a line.
    let text = "（１）住生活関連予算の概要\n\
                令和７年度補正予算では、一般会計で総額2,635億円を計上し、住宅改修促進事業に\n\
                200億円を措置した。財政投融資計画では、令和８年度に住宅分野で総額\n\
                1兆4,360億円（前年度比520億円減）を計画しており、（独）住まい金融支援機構に9,840億円\n\
                を計上している。\n";
    let found = budget_lines(text);
    assert_has_all(
        &found,
        &[
            "住宅改修促進事業 R7 supplementary 200",
            "財政投融資計画 R8 fiscal_investment 14360",
            "(独)住まい金融支援機構 R8 fiscal_investment 9840",
        ],
    );
}

#[test]
fn a_budget_a_sentence_allocates_to_is_no_item() {
    let text = "令和８年度施政方針\n１　小中学校体育館空調設備整備事業\n\
                空調設備の整備を前倒しで進めます。国の経済対策を活用し、令和７年度３月補正予算に５億２，０００万円を\n\
                計上するとともに、令和８年度当初予算には８億６，４００万円を計上してまいります。\n";
    assert_eq!(
        budget_lines(text),
        [
            "小中学校体育館空調設備整備事業 R7 supplementary 5.20",
            "小中学校体育館空調設備整備事業 R8 initial 8.64"
        ]
    );
}

#[test]
fn a_header_on_four_lines_with_a_year_s_label_wrapped_alone_is_read() {
    // As a PDF's text gives a plan by agency: 区分 and 機関名 before the figures, the plan's
    // year over its split columns, last year's 計画額 on a line of its own; a row may leave
    // its group's cell out.
    let text = "令和１０年度 財政投融資計画（機関別）\n（単位：億円）\n\
                令和１０年度計画額\t令和９年度\n\
                区分\t機関名\t増減額\n\
                計画額\n\
                計\t財政融資\t産業投資\t政府保証\n\
                特別会計\t森林整備再生特別会計\t120\t120\t－\t－\t140\t▲20\n\
                石油備蓄強化特別会計\t1,840\t1,840\t－\t－\t1,760\t80\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "森林整備再生特別会計 R10 fiscal_investment 120 -20",
            "森林整備再生特別会計 R9 fiscal_investment 140 ",
            "石油備蓄強化特別会計 R10 fiscal_investment 1840 80",
            "石油備蓄強化特別会計 R9 fiscal_investment 1760 "
        ]
    );
}

#[test]
fn a_caption_naming_the_budget_of_what_it_qualifies_is_no_lending() {
    let text = "令和１０年度 財政投融資計画（機関別）\n\
                （参考）財政投融資対象機関に係る令和１０年度一般会計予算（案）の主な計上額\n\
                （単位：百万円）\n\
                事項\t令和１０年度予算額\t令和９年度予算額\t増減\n\
                水道広域化推進機構出資金\t12,400\t10,800\t1,600\n";
    assert_eq!(
        budget_lines(text),
        [
            "水道広域化推進機構出資金 R10 initial 124",
            "水道広域化推進機構出資金 R9 initial 108"
        ]
    );
}

#[test]
fn a_numbered_caption_with_its_unit_names_the_table_s_total() {
    // A sentence above the table opened 一般会計: the total is of the table, not of it.
    let text = "令和８年度９月補正予算（案）の概要\n## 補正予算の概要\n\
                一般会計で48億3,620万円の補正予算案を編成しました。\n\
                表１　会計別予算額　（単位：百万円）\n\
                区分\t令和８年度当初予算額\t９月補正額\n\
                一般会計\t782,460.0\t4,836.2\n\
                特別会計\t20,113.1\t128.4\n\
                合　計\t802,573.1\t4,964.6\n";
    let found = budget_lines(text);
    assert_has_all(
        &found,
        &[
            "会計別予算額 R8 initial 8025.731",
            "会計別予算額 R8 supplementary 49.646",
        ],
    );
}

#[test]
fn a_verb_opening_the_line_after_the_amount_allocates_it() {
    // A speech whose title names no kind: what the year's budget allocates is its initial
    // budget, the verb standing on the line after the amount.
    let text = "令和８年第１回県議会定例会\n三　令和８年度の主要施策\n\
                まず、新規事業として、保育料軽減事業に１４億８，０００万円を\n\
                計上いたしました。\n";
    assert_eq!(budget_lines(text), ["保育料軽減事業 R8 initial 14.80"]);
}

#[test]
fn a_note_that_denies_a_kind_frames_no_figures() {
    let text = "# 令和10年度 概算要求の概要\n\n\
                - 令和9年度予算額は当初予算額（補正後ではない）。\n\n\
                （単位：百万円）\n\n\
                | 事項 | 前年度予算額 | 要求額 |\n|---|---:|---:|\n\
                | 河川整備事業 | 1,200 | 1,500 |\n";
    assert_eq!(
        budget_lines(text),
        ["河川整備事業 R9 initial 12", "河川整備事業 R10 request 15"]
    );
}

#[test]
fn a_contact_s_extension_under_a_table_is_no_figure() {
    let text = "# 令和10年度 概算要求の概要\n\n（単位：百万円）\n\n\
                | 事項 | 要求額 |\n|---|---:|\n| 河川整備事業 | 1,500 |\n\n\
                問い合わせ先：会計課 予算係　内線 6112\n";
    assert_eq!(budget_lines(text), ["河川整備事業 R10 request 15"]);
}

#[test]
fn the_unit_below_a_table_is_read_past_the_header_s_row_of_marks() {
    let text = "令和９年度 補正予算のポイント\n\
                区分\t令和９年度 補正予算額\t令和８年度 補正予算額\t比較増減\t対前年度比\n\
                区分\t（Ａ）\t（Ｂ）\t（Ａ）－（Ｂ）\t（Ａ）／（Ｂ）\n\
                一般会計\t１４，２８６\t１３，０５０\t１，２３６\t１０９．５％\n\n\
                （単位：億円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R9 supplementary 14286",
            "一般会計 R8 supplementary 13050"
        ]
    );
}

/// A header over two grid rows whose words, joined, pass the longest header cell only by
/// their unit (`2026年度財源内訳（単位：百万円）` over `一般会計 繰入金`): each year stands over
/// its own column; a deduction between accounts (`△`, not a supplementary) is no budget.
#[test]
fn a_two_row_header_of_western_years_beside_a_funding_breakdown() {
    let text = "\t2026年度（令和8年度）特別会計当初予算の概要\t2026年度（令和8年度）特別会計当初予算の概要\n\
                \t会　計　名\t会　計　名\t\t2026年度\t\t2025年度\t比較増減 （A）－（B） （千円）\t増減率 （％）\t\t2026年度財源内訳（単位：百万円）\t2026年度財源内訳（単位：百万円）\t2026年度財源内訳（単位：百万円）\t2026年度財源内訳（単位：百万円）\n\
                \t会　計　名\t会　計　名\t\t当初予算額（A） （千円）\t\t当初予算額（B） （千円）\t比較増減 （A）－（B） （千円）\t増減率 （％）\t\t国・県 支出金\t市債\t一般会計 繰入金\tその他\n\
                \t保険事業会計\t国民健康保険事業\t\t98,745,312\t\t101,208,640\t△2,463,328\t△2.4\t\t30,212\t－\t9,864\t58,669\n\
                \t保険事業会計\tうち　事業勘定\t\t98,512,044\t\t100,981,205\t△2,469,161\t△2.4\t\t\t\t\t\n\
                \t会計間重複額（控除）\t会計間重複額（控除）\t\t△1,254,300\t\t△1,198,600\t△55,700\t\t\t\t\t\t\n";
    assert_eq!(
        budget_lines(text),
        [
            "国民健康保険事業 R8 initial 987.45312",
            "国民健康保険事業 R7 initial 1012.0864",
            "うち事業勘定 R8 initial 985.12044",
            "うち事業勘定 R7 initial 1009.81205",
        ]
    );
}

/// A PDF's table under a header on three lines whose rows' names wrap around their figures,
/// continued past a page break (its number, the running head, the header again) to the unit
/// line below it; a note's figure is of the topic its sentence speaks about (`…については、`).
#[test]
fn rows_wrapped_around_their_figures_under_a_three_line_header_and_the_unit_below() {
    let text = "消費者庁 報道発表資料\t2025/08/29 公表\n令和８年度\t消費者庁予算概算要求の概要\n\n\
                ２．主要事項\n\n令和7年度\t令和8年度\tうち\t対前年度\n事\t項\t増減率\n\
                予算額\t要求・要望額\t要望額\t増減額\n\nⅠ\t消費者被害の防止・救済に向けた\n\
                3,367\t4,520\t820\t1,153\t34.2\n取組の推進\n\n(1) 地方消費者行政強化交付金等による\n\
                2,210\t3,050\t640\t840\t38.0\n地域の相談体制の強化※1\n\n（次頁に続く）\n\n-\t1\t-\n\
                消費者庁 報道発表資料\t2025/08/29 公表\n（前頁からの続き）\n\
                令和7年度\t令和8年度\tうち\t対前年度\n事\t項\t増減率\n\
                予算額\t要求・要望額\t要望額\t増減額\n\n\
                (2) 若年者向け消費者教育の推進\t209\t247\t30\t38\t18.2\n\n（単位：百万円、％）\n\n\
                ※1\t地方消費者行政強化交付金については、上記のほか、令和６年度補正予算において1,500百万円を措置。\n";
    assert_eq!(
        budget_lines(text),
        [
            "消費者被害の防止・救済に向けた取組の推進 R7 initial 33.67",
            "消費者被害の防止・救済に向けた取組の推進 R8 request 45.20",
            "地方消費者行政強化交付金等による地域の相談体制の強化 R7 initial 22.10",
            "地方消費者行政強化交付金等による地域の相談体制の強化 R8 request 30.50",
            "若年者向け消費者教育の推進 R7 initial 2.09",
            "若年者向け消費者教育の推進 R8 request 2.47",
            "地方消費者行政強化交付金 R6 supplementary 15",
        ]
    );
    assert_eq!(
        names(text, NodeType::Measure)[1..],
        [
            "消費者被害の防止・救済に向けた取組の推進",
            "地方消費者行政強化交付金等による地域の相談体制の強化",
            "若年者向け消費者教育の推進"
        ]
    );
}

/// A plan's section: the band `〔数値目標〕` after `〔施策の方向〕`'s numbered directions and
/// `〔主な事業〕`'s bullets closes them, so its targets measure the section's heading; a target
/// sentence cut by a line break is read whole, with `（現状）…` under it as its baseline.
#[test]
fn targets_under_a_band_measure_the_section_above_its_directions_and_bullets() {
    let text = "第１章　子育て・教育\n\n\
                \u{3000}第１節　安心して子どもを産み育てられる環境づくり\n\n\
                \u{3000}〔施策の方向〕\n　　（１）保育の受け皿の確保\n　　（２）相談体制の強化\n\n\
                \u{3000}〔主な事業〕\n　　・子育て支援センター運営事業　　令和７年度当初予算額　４２，１５０千円\n\n\
                \u{3000}〔数値目標〕\n\
                \u{3000}\u{3000}（目標）「授業の内容がよく分かる」と回答した児童生徒の割合を令和１０年度までに\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}８５％以上とする。\n\
                \u{3000}\u{3000}（現状）令和６年度　７８．３％\n";
    let extraction = extracted(text);
    let indicator = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("an indicator");
    assert_eq!(
        indicator.name,
        "「授業の内容がよく分かる」と回答した児童生徒の割合"
    );
    assert_eq!(indicator.props["target"], "８５％以上");
    assert_eq!(indicator.props["target_year"], 2028);
    assert_eq!(indicator.props["baseline"], "７８．３％");
    assert_eq!(indicator.props["baseline_year"], 2024);
    let section = node_id(
        NodeType::Measure,
        "安心して子どもを産み育てられる環境づくり",
    );
    let measured = evaluators(&extraction, &indicator.id);
    assert_eq!(measured, [section.as_str()]);
}

/// Each table's unit stated in a note under it (`（単位：百万円。…）`, `金額の単位：千円（…）`):
/// the second table's figures are in its own unit, not in the unit noted under the first; a
/// headline's change after a rate (`316.6百万円・2.6%増`) is no budget.
#[test]
fn a_unit_noted_under_each_table_is_that_tables_own() {
    let text = "# 令和8（2026）年度 当初予算（案）の概要\n\n## 1. 会計別予算額\n\n\
                | 款 | 令和8年度 | 令和7年度 | 増減 |\n|:--|--:|--:|--:|\n\
                | 議会費 | 98.4 | 97.1 | 1.3 |\n\n\
                （単位：百万円。百万円未満を四捨五入しているため、内訳の合計が計と一致しない場合があります。）\n\n\
                **予算総額　12,478.1百万円**（前年度 12,161.5百万円、316.6百万円・2.6%増）\n\n\
                ## 2. 主な事業\n\n| No. | 事業名 | 予算額 |\n|--:|:--|--:|\n\
                | 1 | 栗ヶ原保育園改築事業 | 412,800 |\n\n\
                金額の単位：千円（「その他」はふるさと応援基金繰入金等）\n";
    let lines = budget_lines(text);
    assert_has_all(
        &lines,
        &[
            "議会費 R8 initial 0.984",
            "議会費 R7 initial 0.971",
            "栗ヶ原保育園改築事業 R8 initial 4.128",
        ],
    );
    assert!(
        !lines.iter().any(|line| line.ends_with(" 3.166")),
        "{lines:?}"
    );
}

#[test]
fn bulleted_rows_laid_out_with_spaces_and_a_noted_unit_under_state_and_project_cost() {
    let text = [
        "令和８年度　予算概算要求の概要",
        "",
        "２　主要事項別の要求額",
        "                                                                （単位：百万円）",
        "  事　　　項                                                  ７年度          ８年度",
        "                                                              予算額          要求額        増　減  備考",
        "",
        "（1）港湾の機能強化                                     ８０，０００  １００，９６０  ２０，９６０",
        "    ・岸壁改良事業                                      ７５，０００    ９２，５００  １７，５００",
        "    ・航路浚渫事業                                        ３，１２０      ４，８６０    １，７４０  拡充",
        "",
        "３　（参考）令和６年度補正予算の概要",
        "",
        "  事　　　項                                          国　費      事業費",
        "",
        "  港湾の防災対策                                       1,532       2,410",
        "  合　　計                                             1,532       2,410",
        "（注）単位：億円。国費は一般会計補正予算額、事業費は地方公共団体等の負担分を含む。",
    ]
    .join("\n");
    let lines = budget_lines(&text);
    assert_has_all(
        &lines,
        &[
            "岸壁改良事業 R7 initial 750",
            "岸壁改良事業 R8 request 925",
            "航路浚渫事業 R8 request 48.60",
            "港湾の防災対策 R6 supplementary 1532",
        ],
    );
    // The change is no request, and the project's whole cost beside the state's share is
    // no budget.
    assert!(
        !lines
            .iter()
            .any(|line| line.ends_with(" 175") || line.ends_with(" 2410")),
        "{lines:?}"
    );
}

#[test]
fn a_three_line_header_of_state_share_and_project_cost_under_two_years() {
    let text = [
        "令和７年度港湾局補正予算（案）の概要",
        "■補正予算額（国費）",
        "一般会計\t４，２１０億円",
        "（事業費\t５，６００億円）",
        "■事項別内訳",
        "（単位：億円）",
        "令和７年度補正\t令和６年度補正\t比較増減",
        "事\t項\t備考",
        "国\t費\t事業費\t国\t費\t（国費）",
        "Ⅰ\t港湾の防災対策\t2,420\t3,617\t2,102\t318",
        "１\t岸壁の耐震化\t1,105\t1,212\t864\t241\t※２",
        "２\t航路の機能強化・",
        "1,315\t2,405\t1,238\t77",
        "埋没対策",
        "合\t計\t2,420\t3,617\t2,102\t318",
        "無断転載禁止\tR7-kowan\t－\t1\t－",
        "■主な事項の内容",
        "◆岸壁の耐震化 【国費 1,105億円（事業費 1,212億円）】",
        "無断転載禁止\tR7-kowan\t－\t2\t－",
    ]
    .join("\n");
    let lines = budget_lines(&text);
    assert_has_all(
        &lines,
        &[
            "港湾の防災対策 R7 supplementary 2420",
            "港湾の防災対策 R6 supplementary 2102",
            "岸壁の耐震化 R7 supplementary 1105",
            "岸壁の耐震化 R6 supplementary 864",
            "航路の機能強化・埋没対策 R7 supplementary 1315",
            "航路の機能強化・埋没対策 R6 supplementary 1238",
        ],
    );
    // Project costs (事業費), changes and the footer's page numbers are no budgets.
    for figure in ["5600", "3617", "1212", "2405", "318", "1", "2"] {
        assert!(
            !lines
                .iter()
                .any(|line| line.ends_with(&format!(" {figure}"))),
            "{figure} in {lines:?}"
        );
    }
}

#[test]
fn each_notice_of_a_gazette_reads_its_tables_as_the_budget_its_lead_names() {
    let text = "東雲町報\n\n東雲町告示第四十一号\n\
                令和七年度東雲町一般会計補正予算（第六号）の要領を次のとおり公表する。\n\n\
                一　令和七年度東雲町一般会計補正予算（第六号）\n\
                （単位　千円）\n\
                款　　　補正前の額　　補正額　　計\n\
                総務費　　754,902　　18,300　　773,202\n\n\
                東雲町告示第四十二号\n\
                令和八年度東雲町予算の要領を次のとおり公表する。\n\n\
                一　予算の総額\n\
                一般会計の予算の総額は次のとおりである。\n\
                （単位　千円）\n\
                款　　　本年度　　前年度　　比較\n\
                議会費　　78,400　　76,900　　1,500\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務費 R7 supplementary 0.183",
            "議会費 R8 initial 0.784",
            "議会費 R7 initial 0.769",
        ]
    );
}

#[test]
fn a_dot_leader_parts_a_name_from_its_figure_and_a_remark_gives_the_year_before() {
    let text = "令和８年度当初予算案の概要\n（各事業の金額の単位は千円）\n\n\
                ■柱１　子育て\n\
                ●保育人材確保事業費　　　　　　　　　　３１２，０４０（前年度　２８８，５００）\n\
                ●放課後児童クラブ運営費　　　　　　　１，１０８，３３５（対前年度　４５，５６５）\n\n\
                ３　令和７年度２月補正予算案\n\
                ■主な事業（単位：千円）\n\
                ・防災・減災緊急対策事業費……………………4,230,000\n\
                ・財政調整基金積立金…………………………………………3,000,000\n";
    assert_eq!(
        budget_lines(text),
        [
            "保育人材確保事業費 R8 initial 3.1204",
            "保育人材確保事業費 R7 initial 2.885",
            "放課後児童クラブ運営費 R8 initial 11.08335",
            "防災・減災緊急対策事業費 R7 supplementary 42.30",
            "財政調整基金積立金 R7 supplementary 30"
        ]
    );
}

#[test]
fn a_numbered_item_over_labelled_values_is_an_indicator_of_the_goal_above() {
    let text = [
        "７．達成目標及び測定指標",
        "  達成目標１   港湾の利用者の利便を高める",
        "  （１）定期航路の就航率（冬季）",
        "      基準値：８２．５％（令和５年度）",
        "      目標値：９５％",
        "      目標年度：令和９年度",
        "      直近実績：令和６年度 ８６．０％",
        "      設定根拠：全国平均を踏まえて設定。",
        "  （２）【再掲】定期航路の就航率（冬季）",
        "      （１）に同じ。",
    ]
    .join("\n");
    let extraction = extracted(&text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let indicator = indicators[0];
    assert_eq!(indicator.name, "定期航路の就航率(冬季)");
    assert_eq!(indicator.props["target"], "９５％");
    assert_eq!(indicator.props["target_year"], 2027);
    assert_eq!(indicator.props["baseline"], "８２．５％");
    assert_eq!(indicator.props["actuals"]["2024"], "８６．０％");
    let goal = node_id(NodeType::Measure, "港湾の利用者の利便を高める");
    assert!(
        extraction
            .edges
            .iter()
            .any(|e| e.rel == Rel::EvaluatedBy && e.to == indicator.id && e.from == goal),
        "{:?}",
        extraction.edges
    );
}

#[test]
fn a_paragraph_naming_alone_over_labelled_lines_is_an_indicator() {
    // A logic model's box read on its own: a heading, a name wrapped over two lines, its
    // labelled values, actuals a line per year under a bare label, a target cut by a wrap.
    let text = [
        "## 事業名　鳥獣被害防止総合対策",
        "",
        "長期アウトカム",
        "",
        "ニホンジカ及びイノシシの推定生息頭",
        "数",
        "",
        "基準値：412万頭（平成23年度）",
        "目標値：平成23年度比で半減（令和10",
        "年度）",
        "実績値：",
        "令和3年度 約302万頭",
        "令和4年度 約295万頭",
        "進捗：概ね順調",
        "",
        "活動",
        "",
        "捕獲活動の支援",
        "侵入防止柵の整備",
        "処理加工施設の整備",
        "捕獲機材の導入",
    ]
    .join("\n");
    let extraction = extracted(&text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let props = &indicators[0].props;
    assert_eq!(indicators[0].name, "ニホンジカ及びイノシシの推定生息頭数");
    assert_eq!(props["baseline"], "412万頭");
    assert_eq!(props["baseline_year"], 2011);
    assert_eq!(props["target"], "平成23年度比で半減");
    assert_eq!(props["target_year"], 2028);
    assert_eq!(props["actuals"]["2021"], "約302万頭");
    assert_eq!(props["actuals"]["2022"], "約295万頭");
    assert_eq!(props["achievement"], "概ね順調");
}

#[test]
fn a_bulleted_name_over_labelled_lines_a_blank_line_apart_is_an_indicator() {
    // An HTML page's paragraphs: `◆名称` over `目標：…　基準：…`, `実績：…`, `評価：…`.
    let text = [
        "## 施策１　脱炭素社会の実現",
        "",
        "◆住宅用太陽光発電設備の導入件数",
        "",
        "　目標：累計68,000件（令和12年度）　基準：累計41,250件（令和元年度）",
        "",
        "　実績：令和4年度 累計50,310件／令和5年度 累計53,980件",
        "",
        "　評価：順調",
    ]
    .join("\n");
    let extraction = extracted(&text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let props = &indicators[0].props;
    assert_eq!(indicators[0].name, "住宅用太陽光発電設備の導入件数");
    assert_eq!(props["target"], "累計68,000件");
    assert_eq!(props["target_year"], 2030);
    assert_eq!(props["baseline_year"], 2019);
    assert_eq!(props["actuals"]["2023"], "累計53,980件");
    assert_eq!(props["achievement"], "順調");
}

#[test]
fn a_figure_alone_under_its_item_and_the_year_before_under_it_are_the_item_s() {
    // A press release's items: the figure on the line after the item's name, the figure of
    // the year before on the line after that; a year alone under a heading is no figure.
    let text = [
        "令和８年度当初予算案の概要",
        "　（各事業の金額の単位は千円）",
        "　●こども医療費助成事業費【拡充】",
        "　　　　　　　　　　　　　　　　　　　　　　　　　２，８４５，６２０",
        "　　　　　　　　　　　　　　　　　　　　（前年度　２，４３１，９００）",
        "　　・通院助成の対象を拡大",
        "　●保育人材確保・定着支援事業費　　　　　　　　　　３１２，０４０（前年度　２８８，５００）",
        "　●観光誘客促進事業費",
        "　　　　　　　　　　　　　　　　　　　　　　　　　　６１８，２２０",
        "　●地域交通の将来像",
        "　　2030",
    ]
    .join("\n");
    assert_eq!(
        budget_lines(&text),
        [
            "こども医療費助成事業費 R8 initial 28.4562",
            "こども医療費助成事業費 R7 initial 24.319",
            "保育人材確保・定着支援事業費 R8 initial 3.1204",
            "保育人材確保・定着支援事業費 R7 initial 2.885",
            "観光誘客促進事業費 R8 initial 6.1822"
        ]
    );
}

#[test]
fn cards_of_an_era_s_letter_before_each_figure_and_rates_for_each_recipient() {
    // Each card's second line gives the figure after `R8` and the year before's after `R7`
    // (half- and full-width); a grant for each recipient in parentheses is a rate.
    let text = [
        "令和８年度当初予算案の主要事業",
        "１     地域公共交通確保維持事業【拡充】                    （交通政策課）",
        "    R8   2,486百万円（R7   2,214百万円    ＋272百万円        ＋12.3％）",
        "５     移住・定住促進事業                                  （地域振興課）",
        "    Ｒ８    ６１２百万円（Ｒ７       ５４０百万円        ＋７２百万円）",
        "     ・移住支援金（単身60万円、世帯100万円）、お試し住宅の運営",
    ]
    .join("\n");
    assert_eq!(
        budget_lines(&text),
        [
            "地域公共交通確保維持事業 R8 initial 24.86",
            "地域公共交通確保維持事業 R7 initial 22.14",
            "移住・定住促進事業 R8 initial 6.12",
            "移住・定住促進事業 R7 initial 5.40"
        ]
    );
}

#[test]
fn a_rate_in_the_bullet_above_is_not_the_next_bullet_s_figure() {
    let text = [
        "# 令和８年度予算案の概要",
        "- **地域包括支援センター運営事業**　14億5,600万円",
        "  - 市内28センターの運営委託（1センター当たり職員5人体制）",
        "- **救急医療体制確保事業**　6億8,030万円（対前年度 ＋3,210万円）",
    ]
    .join("\n");
    assert_eq!(
        budget_lines(&text),
        [
            "地域包括支援センター運営事業 R8 initial 14.56",
            "救急医療体制確保事業 R8 initial 6.803"
        ]
    );
}

#[test]
fn funding_sources_listed_under_a_funding_line_are_no_budgets() {
    let text = "令和８年度　当初予算案の概要\n\
                （1）【拡充】県立高校空調設備整備事業　　　　（教育委員会施設課）\n\
                \u{3000}\u{3000}\u{3000}予算額　　　2,145,000千円（1,382,600千円）\n\
                \u{3000}\u{3000}\u{3000}\u{3000}財源　国　　庫　　　357,500千円\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}県　　債　　　1,609,000千円\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}そ の 他　　　−\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}一般財源　　　178,500千円\n\
                \u{3000}\u{3000}\u{3000}事業内容\n\
                （2）奨学金返還支援事業\n\
                \u{3000}\u{3000}\u{3000}予算額　　　96,500千円（88,200千円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "県立高校空調設備整備事業 R8 initial 21.45",
            "県立高校空調設備整備事業 R7 initial 13.826",
            "奨学金返還支援事業 R8 initial 0.965",
            "奨学金返還支援事業 R7 initial 0.882",
        ]
    );
}

#[test]
fn a_note_besides_the_figures_above_is_of_the_section_s_kind() {
    let text = "令和7年度 国土交通省関係補正予算（第1号）の概要\n\
                Ⅱ 補正予算額\n\
                \x20 国費（一般会計）                         1兆723億円\n\
                \x20 財政投融資                            1,540億円\n\
                \x20 （参考）令和6年度補正予算 国費（一般会計）       1兆2,017億円\n\
                \x20※ 上記のほか、東日本大震災復興特別会計に28.4億円を計上。\n";
    assert_eq!(
        budget_lines(text),
        [
            "国費(一般会計) R7 supplementary 10723",
            "財政投融資 R7 fiscal_investment 1540",
            "国費(一般会計) R6 supplementary 12017",
            "東日本大震災復興特別会計 R7 supplementary 28.4",
        ]
    );
}

#[test]
fn bonds_issued_and_their_parts_are_revenue() {
    let text = "令和８年度　山波県当初予算案の概要\n\
                ５　県債の状況（一般会計）\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}令和８年度当初　　令和７年度当初\n\
                \u{3000}\u{3000}県債発行額　　　　　　　　　　　　７２１億４，０００万円　　７６３億９，０００万円\n\
                \u{3000}\u{3000}\u{3000}うち臨時財政対策債　　　　　　　　　８億２，０００万円　　　２１億５，０００万円\n";
    let (revenue, spending) = revenue_and_spending(text);
    assert_eq!(revenue.len(), 4, "{revenue:?}");
    assert!(spending.is_empty(), "{spending:?}");
}

/// A sheet's heading over a row of its fields whose first cell names a level before a numbered
/// value (`基本目標 | 1 こどもが…| 主管部 | こども未来部`): the row opens no item, so the
/// indicators of the table below measure the sheet's heading.
#[test]
fn a_row_of_fields_under_a_sheets_heading_opens_no_item() {
    let extraction = extracted(
        "施策 1-1 子育て支援の充実\n\
         基本目標\t1 こどもが健やかに育つまち\t主管部\tこども未来部\n\
         関係課\tこども政策課、保育課\n\
         \n\
         （1）成果指標の状況\n\
         No.\t成果指標\t単位\t現状値\t最終目標\t令和6年度実績\t達成状況\n\
         1\t保育所等待機児童数\t人\t23\t0\t4\t概ね順調\n",
    );
    let measures: Vec<&str> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Measure)
        .map(|n| n.name.as_str())
        .collect();
    assert!(
        !measures
            .iter()
            .any(|m| m.contains("こどもが健やかに育つまち")),
        "{measures:?}"
    );
    let indicator = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("indicator");
    assert!(indicator.name.ends_with("保育所等待機児童数"));
    let sheet = node_id(NodeType::Measure, "子育て支援の充実");
    let measured = evaluators(&extraction, &indicator.id);
    assert_eq!(measured, [sheet.as_str()]);
}

/// The ids of the items an indicator is `evaluated_by`.
fn evaluators<'e>(
    extraction: &'e crate::graph::model::Extraction,
    indicator: &str,
) -> Vec<&'e str> {
    extraction
        .edges
        .iter()
        .filter(|e| e.rel == Rel::EvaluatedBy && *e.to == *indicator)
        .map(|e| e.from.as_str())
        .collect()
}

/// `（　）内は令和7年度予算額` over items whose amounts carry their unit and the year before's
/// figure in brackets after them (`52,600百万円（42,500）`): the bracketed figure, in the
/// amount's unit, is that year's budget.
#[test]
fn a_bracketed_figure_after_an_amount_is_what_the_legend_says() {
    let text = "# 令和8年度 概算要求の概要\n\n\
                ## 3. 主要事項\n\n\
                （　）内は令和7年度予算額。単位：百万円。\n\n\
                #### 地域脱炭素推進交付金　52,600百万円（42,500）\n\n\
                - 対前年度 +10,100百万円\n\
                - うち 脱炭素先行地域づくり事業　31,800百万円（26,000）\n\n\
                #### 地域共生型再エネ導入促進事業【新規】　4,350百万円（新規）\n\n\
                #### 自然公園等整備事業　１，２００百万円（１，０５０）\n\n\
                #### 環境調査研修所運営費　5億2,000万円（48,000）\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "地域脱炭素推進交付金 R8 request 526",
            "地域脱炭素推進交付金 R7 initial 425",
            "脱炭素先行地域づくり事業 R7 initial 260",
            "自然公園等整備事業 R7 initial 10.50",
        ],
    );
    // No figure in the bracket, or an amount written in parts whose unit the bracket's
    // figure cannot share.
    for name in ["地域共生型再エネ導入促進事業 R7", "環境調査研修所運営費 R7"]
    {
        assert!(!budgets.iter().any(|b| b.contains(name)), "{budgets:?}");
    }
}

#[test]
fn a_kpi_heading_over_a_list_of_labelled_values_is_an_indicator() {
    // A progress report in Markdown: `### KPI 2-1 名称` over `- 目標: …` (a space after the
    // colon), `- 基準: …`, `- 現状: …`, `- 前年度: …`, `- 進捗: …`.
    let text = [
        "## 施策2 地域交通の確保",
        "",
        "### KPI 2-1 高齢者（75歳以上）のデマンド交通登録率",
        "",
        "- 目標: 40%（令和9年度）",
        "- 基準: 12.5%（令和4年度）",
        "- 現状: 27.1%（令和6年度）",
        "- 前年度: 21.0%（令和5年度）",
        "- 進捗: 順調",
        "- 所管: 交通政策課",
    ]
    .join("\n");
    let extraction = extracted(&text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let props = &indicators[0].props;
    assert_eq!(indicators[0].name, "高齢者(75歳以上)のデマンド交通登録率");
    assert_eq!(props["target"], "40%");
    assert_eq!(props["target_year"], 2027);
    assert_eq!(props["baseline"], "12.5%");
    assert_eq!(props["baseline_year"], 2022);
    assert_eq!(props["actuals"]["2023"], "21.0%");
    assert_eq!(props["actuals"]["2024"], "27.1%");
    assert_eq!(props["achievement"], "順調");
}

#[test]
fn a_numbered_indicator_over_circled_lines_with_latest_values_is_an_indicator() {
    // A Word export's nested list: `・指標3　名称` over `○策定時の値：…`, `○目標値：…`,
    // `○直近値：…（令和5年度）、…（令和6年度）`, `○評価：…`, each a blank line apart.
    let text = [
        "## 基本施策２　地域における食育の推進",
        "",
        "・   指標3　地場産物を購入する県民の割合",
        "",
        "○   策定時の値：41.2%（令和2年度）",
        "",
        "○   目標値：55%（令和7年度）",
        "",
        "○   直近値：45.0%（令和5年度）、47.3%（令和6年度）",
        "",
        "○   評価：B（改善傾向にある）",
    ]
    .join("\n");
    let extraction = extracted(&text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let props = &indicators[0].props;
    assert_eq!(indicators[0].name, "地場産物を購入する県民の割合");
    assert_eq!(props["target"], "55%");
    assert_eq!(props["baseline"], "41.2%");
    assert_eq!(props["baseline_year"], 2020);
    assert_eq!(props["actuals"]["2023"], "45.0%");
    assert_eq!(props["actuals"]["2024"], "47.3%");
    assert_eq!(props["achievement"], "B");
}

#[test]
fn a_definition_list_s_fields_and_bracketed_figures_under_a_title_naming_two_budgets() {
    let text = "# 令和8年度環境省所管予算（案）及び令和7年度補正予算の主要事項\n\n\
                ※〔　〕内は令和7年度補正予算額です。\n\n\
                **地域脱炭素推進交付金**\n\
                会計区分：一般会計・エネルギー対策特別会計\n\
                予算額：42,580百万円（前年度予算額 38,500百万円）〔15,000百万円〕\n\n\
                熱中症対策推進事業\n\
                所管：環境保健部\n\
                予算額：318百万円\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R8 initial 425.80",
            "地域脱炭素推進交付金 R7 initial 385",
            "地域脱炭素推進交付金 R7 supplementary 150",
            "熱中症対策推進事業 R8 initial 3.18"
        ]
    );
}

#[test]
fn a_figure_an_arrow_leads_from_is_the_year_before_the_one_it_leads_to() {
    let text = "令和8年度 東浦市当初予算案のポイント\n\n\
                重点施策1 こどもまんなか・子育て応援\n\
                第2子以降保育料無償化事業\n\
                3億8,500万円 → 4億3,200万円（＋4,700万円）\n\
                所得制限なく第2子以降の保育料を無償化\n\
                放課後児童クラブ整備事業\n\
                1億7,300万円 → 2億1,650万円（＋4,350万円）\n";
    assert_eq!(
        budget_lines(text),
        [
            "第2子以降保育料無償化事業 R7 initial 3.85",
            "第2子以降保育料無償化事業 R8 initial 4.32",
            "放課後児童クラブ整備事業 R7 initial 1.73",
            "放課後児童クラブ整備事業 R8 initial 2.165"
        ]
    );
}

#[test]
fn a_column_of_grants_decided_holds_no_budget() {
    let text = "令和8年度 県単独補助金 交付決定状況一覧\n\
                （単位：千円）\n\
                区分\t事業名\t交付先\t令和8年度予算額\t令和7年度予算額\t交付決定額\n\
                事業\t地域医療連携推進事業費補助金\t\t184320\t176500\t145709\n\
                交付決定\t地域医療連携推進事業費補助金\t北浜市医師会\t\t\t22996\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域医療連携推進事業費補助金 R8 initial 1.8432",
            "地域医療連携推進事業費補助金 R7 initial 1.765"
        ]
    );
}

/// An evaluation sheet names its project in a field, with more fields in pairs on the line
/// under it (`所管課 | … | 事業期間 | 平成28年度～`): the indicators of its table evaluate the
/// project, and the header's second line (`（R3） | 実績 | … | 目標`) completes the columns
/// from the right (the second `R6` holds the target).
#[test]
fn a_sheet_s_project_named_in_a_field_over_fields_in_pairs_owns_its_indicators() {
    let extraction = extracted(
        "令和6年度 事務事業評価シート\n\n\
         事業名\t地域子育て支援拠点事業\n\
         所管課\tこども未来部 子育て支援課\t事業期間\t平成28年度～\n\n\
         2\t指標の状況\n\
         区分\t指標名\t基準値\tR4\tR5\tR6\tR6\t達成度\n\
         （R3）\t実績\t実績\t実績\t目標\n\
         成果指標\t拠点の延べ利用者数\t21,350人\t26,840人\t30,215人\t31,902人\t34,000人\tB\n",
    );
    let indicator = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("indicator");
    assert_eq!(indicator.props["target"], "34,000人");
    assert_eq!(indicator.props["actuals"]["2024"], "31,902人");
    assert_eq!(indicator.props["baseline"], "21,350人");
    let project = node_id(NodeType::Program, "地域子育て支援拠点事業");
    assert_eq!(evaluators(&extraction, &indicator.id), [project.as_str()]);
}

/// An agency's budget table with a column per ledger (`研究開発勘定 | 助成勘定 | 法人共通 |
/// 合計`) under a caption naming the year, its income band (`収入`) over its spending band
/// (`支出`): income rows are revenue, each row's total its budget, each ledger's share of a
/// figure two ledgers hold an item of its own, and a bare `計` the band's total.
#[test]
fn an_agency_s_budget_by_ledger_with_bands_of_income_and_spending() {
    let text = "（別表１）\n\n令和８年度予算\n（単位：百万円）\n\n\
                区分\t研究開発勘定\t助成勘定\t法人共通\t合計\n\
                収入\n\
                運営費交付金\t10,240\t6,480\t1,280\t18,000\n\n\
                計\t10,240\t6,480\t1,280\t18,000\n\n\
                支出\n\
                業務経費\t10,640\t6,599\t－\t17,239\n\n\
                一般管理費\t－\t－\t1,486\t1,486\n\n\
                計\t10,640\t6,599\t1,486\t18,725\n";
    let extraction = extracted(text);
    let spent: Vec<String> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .filter(|n| !n.props["flags"].to_string().contains("revenue"))
        .map(|n| {
            ["item", "fy", "kind", "amount_oku_yen"]
                .map(|key| n.props[key].as_str().unwrap_or_default())
                .join(" ")
        })
        .collect();
    assert_eq!(
        spent,
        [
            "業務経費 R8 initial 172.39",
            "業務経費（研究開発勘定） R8 initial 106.40",
            "業務経費（助成勘定） R8 initial 65.99",
            "一般管理費 R8 initial 14.86",
            "支出計 R8 initial 187.25",
            "支出計（研究開発勘定） R8 initial 106.40",
            "支出計（助成勘定） R8 initial 65.99",
            "支出計（法人共通） R8 initial 14.86",
        ]
    );
    let revenue = budget_lines(text);
    assert!(
        revenue.iter().any(|b| b == "運営費交付金 R8 initial 180"),
        "{revenue:?}"
    );
}

/// A spreadsheet's rows whose words stand only in the notes column after the figures (a
/// 説明 running on over the rows below) keep the table open for the rows after them.
#[test]
fn notes_running_on_over_a_spreadsheet_s_rows_keep_its_table_open() {
    let text = "令和８年度　特別会計　歳出予算要求額調\n（単位：千円）\n\
                項名\t令和７年度当初予算額(A)\t令和８年度要求額(B)\t比較増減額(B)-(A)\t説明\n\
                施設整備事業費\t18,426,300\t20,154,800\t1,728,500\t老朽化対策\n\
                \t\t\t\t　耐震補強\n\
                \t\t\t\t（目）委託費\n\
                安全対策事業費\t6,842,100\t7,215,400\t373,300\t踏切道の改良\n";
    assert_has_all(
        &budget_lines(text),
        &[
            "施設整備事業費 R8 request 201.548",
            "安全対策事業費 R7 initial 68.421",
            "安全対策事業費 R8 request 72.154",
        ],
    );
}

/// `（前年度　４億９，０５０万円　減　８４０万円）`: 増 or 減 alone labels the amount after
/// it, a change of the item's figure; the amount before it is the year before's budget.
#[test]
fn an_increase_or_decrease_word_alone_labels_the_amount_after_it() {
    let text = "令和８年度　当初予算のあらまし\n\n■特別会計\n\n\
                \u{3000}○国民健康保険特別会計\n\
                \u{3000}\u{3000}\u{3000}４億８，２１０万円　（前年度　４億９，０５０万円　減　８４０万円）\n\
                \u{3000}○介護保険特別会計\n\
                \u{3000}\u{3000}\u{3000}５億２，４３０万円　（前年度　５億１，１８０万円　増　１，２５０万円）\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "国民健康保険特別会計 R8 initial 4.821 -0.084",
            "国民健康保険特別会計 R7 initial 4.905 ",
            "介護保険特別会計 R8 initial 5.243 0.125",
            "介護保険特別会計 R7 initial 5.118 ",
        ]
    );
}

/// `1．特定健康診査受診率　現状値 38.6%（令和5年度）　→　目標値 60.0%（令和11年度）`: a
/// numbered indicator of the item above, no item of its own; `現状値 ―` states no baseline.
#[test]
fn numbered_indicators_with_their_value_now_an_arrow_and_their_target() {
    let extraction = extracted(
        "施策1　健康づくりの推進\n\n（成果指標）\n\
         \u{3000} 1．特定健康診査受診率　現状値 38.6%（令和5年度）　→　目標値 60.0%（令和11年度）\n\
         \u{3000} 2．不登校児童生徒への支援につながった割合　現状値 ―　→　目標値 100%（令和11年度）\n\
         \u{3000} 3．要介護認定率　現状値 17.9%（令和5年度）　→　目標値 18.5%以下（令和11年度）\n",
    );
    let indicators: Vec<(
        &str,
        &serde_json::Value,
        &serde_json::Value,
        &serde_json::Value,
    )> = extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Indicator)
        .map(|n| {
            (
                n.name.as_str(),
                &n.props["target"],
                &n.props["target_year"],
                n.props.get("baseline").unwrap_or(&serde_json::Value::Null),
            )
        })
        .collect();
    assert_eq!(
        indicators,
        [
            (
                "特定健康診査受診率",
                &"60.0%".into(),
                &2029.into(),
                &"38.6%".into()
            ),
            (
                "不登校児童生徒への支援につながった割合",
                &"100%".into(),
                &2029.into(),
                &serde_json::Value::Null
            ),
            (
                "要介護認定率",
                &"18.5%以下".into(),
                &2029.into(),
                &"17.9%".into()
            ),
        ]
    );
    assert!(
        !extraction
            .nodes
            .iter()
            .any(|n| n.node_type == NodeType::Measure && n.name.contains("受診率")),
    );
}

#[test]
fn a_committee_s_paragraphs_give_each_bullet_its_cost_and_a_second_part_its_own_year() {
    let text = "総務文教委員会資料\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}〇〇市総務部・教育委員会\n\
                \u{3000}\u{3000}議案第５号\u{3000}令和７年度〇〇市一般会計補正予算（第６号）\n\
                \u{3000}\u{3000}議案第１２号\u{3000}令和８年度〇〇市一般会計予算\n\
                第１\u{3000}令和７年度〇〇市一般会計補正予算（第６号）\n\
                \u{3000}（1）庁舎非常用発電設備更新事業\n\
                \u{3000}\u{3000}非常用発電設備を更新するため、補正額として38,420千円を計上するものである。\n\
                第２\u{3000}令和８年度〇〇市一般会計予算\n\
                \u{3000}２\u{3000}主な事業\n\
                \u{3000}【総務費】\n\
                \u{3000}○地域コミュニティ活性化事業\n\
                \u{3000}\u{3000}自治会の取組に対する補助を拡充するため、事業費とし\n\
                \u{3000}て45,218千円を計上した。\n\
                \u{3000}○市民防災訓練推進事業\n\
                \u{3000}\u{3000}総合防災訓練及び防災リーダー養成講座の開催に要する事業費と\n\
                \u{3000}して6,734千円を計上した。\n\
                \u{3000}○GIGAスクール端末更新事業\n\
                \u{3000}\u{3000}児童生徒用端末の更新に要する事業費として412,380千円を計上し\n\
                \u{3000}た。財源として国庫補助金（公立学校情報機器整備費補助金）275,400千円を\n\
                \u{3000}見込んでいる。\n";
    assert_eq!(
        budget_lines(text),
        [
            "庁舎非常用発電設備更新事業 R7 supplementary 0.3842",
            "地域コミュニティ活性化事業 R8 initial 0.45218",
            "市民防災訓練推進事業 R8 initial 0.06734",
            "GIGAスクール端末更新事業 R8 initial 4.1238",
        ]
    );
}

#[test]
fn a_numbered_kan_as_a_sentence_s_topic_names_its_figure() {
    let text = "令和８年度〇〇市一般会計予算\n\
                １\u{3000}所管予算の総括\n\
                \u{3000}\u{3000}本委員会所管の歳出予算額は、総額6,482,915千円である。\n\
                \u{3000}\u{3000}このうち、第２款総務費は3,184,562千円（前年度3,120,418千円）で、前年度比64,144千円の増、\n\
                \u{3000}第10款教育費は3,298,353千円（前年度3,180,826千円）で、前年度比117,527千円の増である。\n";
    assert_eq!(
        budget_lines(text),
        [
            "所管予算の総括 R8 initial 64.82915",
            "総務費 R8 initial 31.84562",
            "総務費 R7 initial 31.20418"
        ]
    );
}

#[test]
fn a_closing_month_supplementary_beside_next_year_s_initial_budget_is_the_year_before_s() {
    // The title names the 2月補正 in an aside; the cards name it without its year.
    let text = "# 令和８年度当初予算案（２月補正予算と一体編成）主な事業\n\n\
                ### ２月補正予算（国の経済対策対応分）\n\n\
                補正額 187億6,540万円\n\n\
                ### 緊急防災・減災対策事業\n\n\
                当初予算案 31億2,000万円\n\n\
                前年度 29億8,760万円\n\n\
                ２月補正 15億4,320万円\n\n\
                ### 河川改修事業\n\n\
                当初予算案 12億円\n\n\
                ６月補正 3億円\n";
    assert_eq!(
        budget_props(text, &["item", "fy", "kind", "amount_oku_yen"]),
        [
            "2月補正予算 R7 supplementary 187.654",
            "緊急防災・減災対策事業 R8 initial 31.20",
            "緊急防災・減災対策事業 R7 initial 29.876",
            "緊急防災・減災対策事業 R7 supplementary 15.432",
            "河川改修事業 R8 initial 12",
            "河川改修事業 R8 supplementary 3",
        ]
    );
}

#[test]
fn a_label_beside_two_header_rows_whose_last_upper_word_spans_the_comparison() {
    // A PDF's text of colspan headers: the label on the upper row only, `比較` over a
    // change and its rate, and years over a figure and its share.
    let text = "令和8年度 東雲県当初予算（案） 会計別・款別予算額\n\
                １ 一般会計・特別会計\n\
                （単位：千円、％）\n\
                会 計 名\t本年度\t前年度\t比 較\n\
                （A）\t（B）\t増減額（A）－（B）\t増減率\n\
                一般会計\t734,528,100\t721,306,400\t13,221,700\t1.8\n\
                中小企業高度化資金特別会計\t1,248,600\t1,502,300\t△253,700\t△16.9\n\
                ３ 一般会計歳出予算（款別）\n\
                （単位：千円、％）\n\
                款\t本年度\t前年度\t比 較\n\
                予算額\t構成比\t予算額\t構成比\t増減額\t増減率\n\
                1 議会費\t1,582,400\t0.2\t1,561,200\t0.2\t21,200\t1.4\n\
                4 衛生費\t32,874,600\t4.5\t35,206,100\t4.9\t△2,331,500\t△6.6\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "一般会計 R8 initial 7345.281 132.217",
            "一般会計 R7 initial 7213.064 ",
            "中小企業高度化資金特別会計 R8 initial 12.486 -2.537",
            "中小企業高度化資金特別会計 R7 initial 15.023 ",
            "議会費 R8 initial 15.824 0.212",
            "議会費 R7 initial 15.612 ",
            "衛生費 R8 initial 328.746 -23.315",
            "衛生費 R7 initial 352.061 ",
        ]
    );
}

#[test]
fn kpi_bullets_with_short_era_years_and_a_table_of_their_yearly_targets_are_one_indicator_each() {
    let text = "# 〇〇県こども応援行動計画\n\n\
                ### 施策1　妊娠・出産期からの切れ目ない支援\n\n\
                **KPI**\n\n\
                - 産後ケア事業を実施する市町村数：14市町村（R5） → 35市町村（R9）\n\
                - 保育所等待機児童数：23人（R6.4.1） → 0人（R9）\n\n\
                **年次目標と実績**\n\n\
                | KPI | R7目標 | R7実績 | R8目標 | R9目標 | 進捗 |\n\
                |---|---:|---:|---:|---:|:---:|\n\
                | 産後ケア事業を実施する市町村数 | 21市町村 | 22市町村 | 28市町村 | 35市町村 | 順調 |\n\
                | 保育所等待機児童数 | 10人 | 7人 | 5人 | 0人 | 順調 |\n";
    let extraction = extracted(text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    let names: Vec<&str> = indicators.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        names,
        ["産後ケア事業を実施する市町村数", "保育所等待機児童数"]
    );
    let first = &indicators[0].props;
    assert_eq!(first["baseline"], "14市町村");
    assert_eq!(first["baseline_year"], 2023);
    assert_eq!(first["target"], "35市町村");
    assert_eq!(first["target_year"], 2027);
    assert_eq!(first["actuals"]["2025"], "22市町村");
    assert_eq!(first["achievement"], "順調");
    // A day of a fiscal year (`R6.4.1`) is that year.
    assert_eq!(indicators[1].props["baseline_year"], 2024);
    let measure = node_id(NodeType::Measure, "妊娠・出産期からの切れ目ない支援");
    assert!(
        indicators.iter().all(|indicator| extraction
            .edges
            .iter()
            .any(|e| e.from == measure && e.rel == Rel::EvaluatedBy && e.to == indicator.id)),
        "{:?}",
        extraction.edges
    );
}

#[test]
fn a_review_sheet_s_rows_of_kinds_under_their_group_s_name_and_a_breakdown_beside_its_reasons() {
    // A text export of a 行政事業レビューシート: a project's number (a code), its name field,
    // the first kind row beside the group's name, a breakdown whose last heading shares its
    // cell with the heading of the reasons.
    let text = "令和7年度　行政事業レビューシート（抜粋）\n\
                府省庁名：総務省　　　　　（単位：百万円）\n\
                事業番号　0087\n\
                事業名　　地域デジタル人材育成推進事業\n\
                予算額・執行額（単位：百万円）\n\
                \u{20}                            令和5年度   令和6年度   令和7年度   令和8年度要求\n\
                予算の状況　当初予算             1,250       1,380       1,520           1,860\n\
                \u{3000}\u{3000}\u{3000}補正予算               400         650          －              －\n\
                \u{3000}\u{3000}\u{3000}前年度から繰越し          －         120         310              －\n\
                執行額                           1,402       1,655\n\
                令和7・8年度予算内訳（単位：百万円）\n\
                費　目                 令和7年度当初予算   令和8年度要求　主な増減理由\n\
                補助金                             1,210           1,480　補助対象団体数の増に伴う増。\n\
                委託費                               240             300\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域デジタル人材育成推進事業 R5 initial 12.50",
            "地域デジタル人材育成推進事業 R6 initial 13.80",
            "地域デジタル人材育成推進事業 R7 initial 15.20",
            "地域デジタル人材育成推進事業 R8 request 18.60",
            "地域デジタル人材育成推進事業 R5 supplementary 4",
            "地域デジタル人材育成推進事業 R6 supplementary 6.50",
            "補助金 R7 initial 12.10",
            "補助金 R8 request 14.80",
            "委託費 R7 initial 2.40",
            "委託費 R8 request 3",
        ]
    );
}

#[test]
fn a_long_table_s_spanned_rows_under_a_numbered_goal_of_an_analysis_sheet() {
    // An HTML 事前分析表: the 施策名 field opens a sheet, each 達成目標 under it is an item of
    // its own; the indicator's name cell spans its rows (empty on the rows after the first).
    let text = "# 令和６年度実施施策に係る政策評価の事前分析表\n\n\
                施策名\t地域公共交通を推進する\t地域公共交通を推進する\t地域公共交通を推進する\n\
                担当部局名\t交通政策局地域交通課\t作成責任者名\t地域交通課長　〇〇\n\n\
                ## 達成目標１　地域公共交通計画に基づく交通ネットワークの再構築\n\n\
                達成目標１に係る測定指標\n\
                測定指標\t区分\t年度\t値\t測定指標の選定理由\n\
                1-1　地域公共交通計画の策定件数\t基準\t令和2年度\t587件\t理由。\n\
                \t目標\t令和6年度\t1,200件\t理由。\n\
                \t実績\t令和3年度\t712件\t理由。\n\
                \t実績\t令和4年度\t851件\t理由。\n";
    let extraction = extracted(text);
    let indicators = nodes_of(&extraction, NodeType::Indicator);
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    let indicator = indicators[0];
    assert_eq!(indicator.name, "地域公共交通計画の策定件数");
    assert_eq!(indicator.props["baseline"], "587件");
    assert_eq!(indicator.props["target"], "1,200件");
    assert_eq!(indicator.props["target_year"], 2024);
    assert_eq!(indicator.props["actuals"]["2022"], "851件");
    let goal = node_id(
        NodeType::Measure,
        "地域公共交通計画に基づく交通ネットワークの再構築",
    );
    assert!(
        extraction
            .edges
            .iter()
            .any(|e| e.from == goal && e.rel == Rel::EvaluatedBy && e.to == indicator.id),
        "{:?}",
        extraction.edges
    );
    // `達成目標１に係る測定指標` refers to the goal: no item of its own.
    assert!(
        !names(text, NodeType::Measure)
            .iter()
            .any(|name| name.ends_with("に係る測定指標"))
    );
}

#[test]
fn a_change_whose_unit_stands_in_a_cell_of_its_own_under_a_header_spanning_both() {
    let text = "令和８年度　山里町　当初予算総括表\n\
                （単位：円）\n\
                会計名\t令和８年度当初予算額\t令和８年度当初予算額\t令和７年度当初予算額\t令和７年度当初予算額\t比較増減\t比較増減\t増減率\n\
                一般会計\t6,482,000,000\t円\t6,215,000,000\t円\t267,000,000\t円\t4.3%\n\
                介護保険特別会計\t1,104,600,000\t円\t1,072,300,000\t円\t△32,300,000\t円\t△2.9%\n";
    let budgets = budget_props(
        text,
        &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"],
    );
    assert_has_all(
        &budgets,
        &[
            "一般会計 R8 initial 64.82 2.67",
            "一般会計 R7 initial 62.15 ",
            "介護保険特別会計 R8 initial 11.046 -0.323",
        ],
    );
}

#[test]
fn a_header_s_second_row_set_one_space_apart_in_one_cell() {
    let text = "令和９年度　概算要求の概要\n\
                （単位：億円）\n\
                区分\t令和８年度\t令和９年度\t増減額\t対前年度比\n\
                予算額（Ａ） 要求・要望額（Ｂ） （Ｂ）－（Ａ） （Ｂ）／（Ａ）\n\
                一般会計\t3,274\t3,812\t538\t116.4%\n\
                \n\
                （注１）一般会計の要求・要望額には、重要政策推進枠の要望額684億円を含む。\n";
    let budgets = budget_props(
        text,
        &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"],
    );
    assert_has_all(
        &budgets,
        &[
            "一般会計 R8 initial 3274 ",
            "一般会計 R9 request 3812 538",
            "重要政策推進枠 R9 request 684 ",
        ],
    );
}

#[test]
fn a_row_labelled_by_a_supplementary_with_an_aside_naming_which_is_of_that_kind() {
    let text = "令和７年度　山里県１１月補正予算（案）の概要\n\
                （参考）令和７年度一般会計予算の推移　　　　（単位：千円）\n\
                区　　分　　　　　　　　　金　額　　　　　累　計\n\
                当初予算　　　　　　　　735,000,000　　　735,000,000\n\
                １１月補正予算（今回）　 12,846,530　　　747,846,530\n";
    let budgets = budget_props(text, &["fy", "kind", "amount_oku_yen"]);
    assert!(
        budgets.contains(&"R7 supplementary 128.4653".to_string()),
        "{budgets:?}"
    );
    assert!(
        !budgets
            .iter()
            .any(|b| b.ends_with(" 128.4653") && !b.contains("supplementary"))
    );
}

#[test]
fn a_third_figure_that_is_the_later_year_s_less_the_earlier_s_is_their_change() {
    // The header's words wrapped by a PDF's text out of their columns' order.
    let text = "令和8年度　山里県公営企業会計予算（案）の概要\n\
                （単位：百万円、％）\n\
                会計区分\t令和8年度\n\
                当初予算額(A)\t令和7年度\n\
                当初予算額(B)\t増減額 増減率\n\
                (A)-(B)\n\
                一般会計\t812,460\t798,215\t14,245\t1.8\n\
                病院事業会計\t44,481\t42,824\t1,657\t3.9\n";
    let budgets = budget_props(
        text,
        &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"],
    );
    assert_has_all(
        &budgets,
        &[
            "一般会計 R8 initial 8124.60 142.45",
            "一般会計 R7 initial 7982.15 ",
        ],
    );
    assert!(
        !budgets
            .iter()
            .any(|b| b.contains(" 142.45 ") || b.contains(" 16.57 ")),
        "{budgets:?}"
    );
}

#[test]
fn a_list_s_lead_names_its_figures_year_before_a_sentence_on_another_budget() {
    let text = "# 令和8年度環境省予算（案）の概要\n\n\
                令和8年度予算（案）の概要は以下のとおりです。なお、令和7年度補正予算と一体として施策を実施します。\n\n\
                ## 1．予算総額\n\n\
                - 一般会計 3,312億円（前年度 3,265億円）\n";
    assert_eq!(
        budget_lines(text),
        ["一般会計 R8 initial 3312", "一般会計 R7 initial 3265"]
    );
}

#[test]
fn a_figure_after_a_tag_the_legend_names_is_of_the_legend_s_year_and_kind() {
    let text = "# 令和8年度予算（案）の概要\n\n\
                （　）内は令和7年度当初予算額。［補正］は令和7年度補正予算額。\n\n\
                - 地域脱炭素推進交付金 420億円（385億円）［補正］180億円\n\
                - 資源循環高度化設備導入促進事業 45億円［補正］60億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "地域脱炭素推進交付金 R8 initial 420",
            "地域脱炭素推進交付金 R7 initial 385",
            "地域脱炭素推進交付金 R7 supplementary 180",
            "資源循環高度化設備導入促進事業 R8 initial 45",
            "資源循環高度化設備導入促進事業 R7 supplementary 60",
        ]
    );
}

#[test]
fn a_total_bulleted_after_its_parts_is_the_section_s() {
    let text = "# 令和8年度予算（案）の概要\n\n## 1．予算総額\n\n\
                - 一般会計 3,312億円\n\
                - 特別会計 2,145億円\n\
                - 合計 5,457億円\n";
    assert_eq!(
        budget_lines(text),
        [
            "一般会計 R8 initial 3312",
            "特別会計 R8 initial 2145",
            "予算総額 R8 initial 5457",
        ]
    );
}

#[test]
fn a_bracketed_row_s_change_in_cells_after_it() {
    let text = "令和８年度特別会計予算（案）の概要\n\n第３　経費別の内訳\n\n\
                \u{3000}（単位：億円、（\u{3000}）内は令和７年度予算額）\n\n\
                \u{3000}１．被災者支援\u{3000}\u{3000}\u{3000}３２６（\u{3000}３４１）\u{3000}前年度比\u{3000}\u{3000}△１５\n\
                \u{3000}２．住宅再建\u{3000}\u{3000}\u{3000}１，２１５（１，４０２）\u{3000}前年度比\u{3000}△１８７\n";
    assert_eq!(
        budget_props(
            text,
            &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"]
        ),
        [
            "被災者支援 R8 initial 326 -15",
            "被災者支援 R7 initial 341 ",
            "住宅再建 R8 initial 1215 -187",
            "住宅再建 R7 initial 1402 ",
        ]
    );
}

#[test]
fn a_header_s_label_set_on_the_line_of_its_marks_heads_the_rows_label_column() {
    // `区分` stands beside the marks under the figures' words, not over the labels: the
    // header left its label column out, whatever column of no budget ends it.
    let text = "令和７年度９月補正予算案の概要\n\n（単位：千円）\n\
                当初予算額\t6月補正額\t9月補正額\t補正後予算額\n\
                区分\t(A)\t(B)\t(C)\t(A)+(B)+(C)\n\
                総務部\t98,412,356\t－\t215,480\t98,627,836\n\
                くらし環境部\t14,887,205\t120,000\t312,650\t15,319,855\n";
    assert_eq!(
        budget_lines(text),
        [
            "総務部 R7 initial 984.12356",
            "総務部 R7 supplementary 2.1548",
            "くらし環境部 R7 initial 148.87205",
            "くらし環境部 R7 supplementary 1.20",
            "くらし環境部 R7 supplementary 3.1265"
        ]
    );
}

#[test]
fn a_row_s_name_set_on_the_lines_above_its_figures_or_wrapped_into_its_label_cell() {
    // A PDF's text sets a long name and its status mark on lines of their own over a row of
    // figures without a label, or wraps a program's name so that its end and the mark stand
    // in the label cell: either way the row is that program's.
    let text = "令和７年度９月補正予算案の概要\n\n（単位：千円）\n\
                当初予算額\t6月補正額\t9月補正額\t補正後予算額\n\
                区分\t(A)\t(B)\t(C)\t(A)+(B)+(C)\n\
                健康福祉部\t168,945,310\t2,418,760\t3,856,204\t175,220,274\n\
                ・物価高騰対策医療機関等支援事業\n\
                【新規】\n\
                －\t1,204,300\t1,516,880\t2,721,180\n\
                ・社会福祉施設等物価高騰対策支援事\n\
                業【新規】\t－\t986,460\t1,240,114\t2,226,574\n";
    assert_eq!(
        budget_lines(text),
        [
            "健康福祉部 R7 initial 1689.4531",
            "健康福祉部 R7 supplementary 24.1876",
            "健康福祉部 R7 supplementary 38.56204",
            "物価高騰対策医療機関等支援事業 R7 supplementary 12.043",
            "物価高騰対策医療機関等支援事業 R7 supplementary 15.1688",
            "社会福祉施設等物価高騰対策支援事業 R7 supplementary 9.8646",
            "社会福祉施設等物価高騰対策支援事業 R7 supplementary 12.40114"
        ]
    );
}

#[test]
fn a_figure_a_sentence_begun_above_says_is_the_budget_after_a_supplementary_is_none() {
    let text = "令和７年度９月補正予算案の概要\n\n\
                今回の９月補正予算案の規模は、一般会計で141億7,003万2千円となり、６月補正後の\n\
                一般会計予算額8,821億7,666万円と合わせた補正後の一般会計\n\
                予算額は8,963億4,669万2千円となる。\n";
    let lines = budget_lines(text);
    assert!(lines.iter().all(|line| !line.contains("8963")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|line| line.ends_with("supplementary 141.70032")),
        "{lines:?}"
    );
}

#[test]
fn a_sibling_heading_with_a_figure_of_its_own_unit_ends_the_table_above_it() {
    let text = "令和８年度　重点施策\n\n\
                １．予算額総括\n\
                \u{3000}\u{3000}（単位：億円）\n\
                区分\u{3000}\u{3000}\u{3000}\u{3000}令和８年度予算案\u{3000}\u{3000}令和７年度当初予算額\n\
                一般会計\u{3000}\u{3000}\u{3000}\u{3000}3,286\u{3000}\u{3000}\u{3000}\u{3000}3,214\n\
                特別会計\u{3000}\u{3000}\u{3000}\u{3000}2,104\u{3000}\u{3000}\u{3000}\u{3000}2,087\n\n\
                ２．令和７年度補正予算（第１号）\u{3000}\u{3000}\u{3000}\u{3000}1,942億円\n\
                \u{3000}\u{3000}うち\u{3000}一般会計\u{3000}\u{3000}\u{3000}\u{3000}705億円\n";
    let lines = budget_lines(text);
    assert!(
        lines
            .iter()
            .any(|line| line.contains("令和7年度補正予算")
                && line.ends_with("R7 supplementary 1942")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains("一般会計") && line.ends_with("R7 supplementary 705")),
        "{lines:?}"
    );
    assert!(
        lines.iter().all(|line| !line.contains("R8 initial 1942")),
        "{lines:?}"
    );
}

#[test]
fn a_header_s_marks_row_states_each_column_s_unit_and_parts_a_compared_pair() {
    let text = "令和8年度当初予算案の概要\n\n会計別予算額\n\
                区分\t令和8年度 当初予算案\t令和7年度 当初予算\t比較\t比較\n\
                区分\t（A）百万円\t（B）百万円\t（A）－（B）百万円\t伸率（％）\n\
                一般会計\t784,532\t771,651\t12,881\t1.7\n\
                特別会計\t412,308\t405,977\t6,331\t1.6\n";
    let lines = budget_props(
        text,
        &["item", "fy", "kind", "amount_oku_yen", "change_oku_yen"],
    );
    assert!(
        lines.contains(&"一般会計 R8 initial 7845.32 128.81".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"特別会計 R7 initial 4059.77 ".to_string()),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 4, "{lines:?}");
}

#[test]
fn a_topic_s_note_in_parentheses_is_no_part_of_its_name() {
    let text = "令和8年度当初予算案の概要\n\n\
                一般会計の予算規模は7,845億3,200万円となりました。\n\
                このうち、公共事業費（普通建設事業費のうち補助・単独事業）は1,184億円で、前年度から48億円の増です。\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"公共事業費 R8 initial 1184".to_string()),
        "{lines:?}"
    );
}

/// A spreadsheet's sheet naming the plan's levels it evaluates by word, number and name
/// (`基本目標 | 1 | …` over `施策 | 1-1 | …`, fields beside them): the lower level is a part
/// of the upper and owns the indicators under it; a level named under a heading of a level
/// is a field of the heading's item.
#[test]
fn a_sheet_s_rows_naming_its_plan_levels_open_its_item() {
    let extraction = extracted(
        "令和7年度\t施策評価シート\t\tシート番号\t1-1\n\n\
         基本目標\t\t1\t安心して暮らせるまち\t\t主管課\t\t総務課\n\
         施策\t\t1-1\t防災・減災対策の推進\t\t関係課\t\t建設課\n\n\
         No.\t成果指標\t区分\t基準値\t令和5年度\t令和6年度\t目標値\t評価\n\
         \t\t\t（令和2年度）\t\t\t（令和8年度）\t\n\
         1\t住宅の耐震化率\t目標\t\t84.0%\t85.5%\t87.0%\tB\n\
         \t\t実績\t78.6%\t81.1%\t82.0%\t\t\n",
    );
    let indicator = extraction
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("indicator");
    assert_eq!(indicator.props["baseline"], "78.6%");
    let measure = node_id(NodeType::Measure, "防災・減災対策の推進");
    assert_eq!(evaluators(&extraction, &indicator.id), [measure.as_str()]);
    let goal = node_id(NodeType::Measure, "安心して暮らせるまち");
    assert!(
        extraction
            .edges
            .iter()
            .any(|e| e.rel == Rel::PartOf && e.from == measure && e.to == goal),
        "{:?}",
        extraction.edges
    );

    let under_heading = extracted(
        "施策評価シート\n\n施策 1-1 子育て支援の充実\n\
         基本目標\t1\tこどもが健やかに育つまち\t主管部\tこども未来部\n\n\
         No.\t成果指標\t単位\t現状値（年度）\t最終目標（年度）\t令和6年度実績\t達成状況\n\
         1\t保育所等待機児童数\t人\t23（令和3年度）\t0（令和10年度）\t4\t概ね順調\n",
    );
    let indicator = under_heading
        .nodes
        .iter()
        .find(|n| n.node_type == NodeType::Indicator)
        .expect("indicator");
    let measure = node_id(NodeType::Measure, "子育て支援の充実");
    assert_eq!(
        evaluators(&under_heading, &indicator.id),
        [measure.as_str()]
    );
}

#[test]
fn an_item_s_account_set_after_its_name_over_its_figures_names_no_other_item() {
    let text = "令和８年度 予算（案）のポイント\n\n１．地域脱炭素の推進\n\n\
                地域脱炭素推進交付金 一般会計\n425億円（385億円）\n\
                再エネ主力化・レジリエンス強化促進事業 エネ特\n52億円（48億円）\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"地域脱炭素推進交付金 R8 initial 425".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"再エネ主力化・レジリエンス強化促進事業 R8 initial 52".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_figure_in_a_tag_after_a_line_s_figures_is_of_their_item() {
    let text = "令和８年度 予算（案）のポイント\n\n１．地域脱炭素の推進\n\n\
                地域脱炭素推進交付金\n425億円（385億円） 【R7補正 200億円】\n\
                再エネ主力化促進事業\n52億円（48億円） 【R7補正 60億円】\n";
    let lines = budget_lines(text);
    assert!(
        lines.contains(&"地域脱炭素推進交付金 R7 supplementary 200".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"再エネ主力化促進事業 R7 supplementary 60".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_speech_announcing_each_budget_gives_its_figures_the_year_its_agenda_names() {
    // Minutes whose head names no budget: the agenda does, and the speech announces each
    // account before its figures; a purpose named in one sentence is no item of the next.
    let text = "第３回定例会会議録\n\n議事日程\n第４２号議案　令和８年度南浦市一般会計補正予算（第２号）\n\n\
                ○市長　初めに、一般会計補正予算案について申し上げます。\n\
                補正額は１２億３，４００万円であります。\n\
                学校給食費の負担軽減として２億円を計上いたしました。\n\
                また、道路の補修を追加するため１億５，０００万円を計上し、２億円の繰越明許費を設定いたしました。\n\
                次に、特別会計について申し上げます。\n\
                介護保険事業特別会計において、３，２００万円を増額するものであります。\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "一般会計 R8 supplementary 12.34",
            "学校給食費の負担軽減 R8 supplementary 2",
            "一般会計 R8 supplementary 1.50",
            "介護保険事業特別会計 R8 supplementary 0.32",
        ],
    );
    assert_eq!(budgets.len(), 4, "{budgets:?}");
}

#[test]
fn a_line_of_years_over_a_three_line_header_and_rows_named_above_their_office() {
    // The years stand over the heads they agree with; a row labelled by its office alone is
    // the program named on the line above; a figure moved from a request is no budget.
    let text = "令和９年度予算編成過程の公表\n\n（単位：千円）\n\
                令和８年度\t令和９年度\t令和９年度\n\
                当初予算額\t要求額\t査定額\t査定による増減\n\
                部 名\n\
                (A)\t(B)\t(C)\t(C)－(B)\n\
                企画部\t1,200,000\t1,350,000\t1,300,000\t△50,000\n\n\
                ■ 企画部\n\
                駅前広場整備事業\n\
                1 （都市計画課）\t40,000\t90,000\t80,000\t要求から10,000千円を減額。\n";
    let budgets = budget_lines(text);
    assert_has_all(
        &budgets,
        &[
            "企画部 R8 initial 12",
            "企画部 R9 request 13.50",
            "企画部 R9 initial 13",
        ],
    );
    assert!(
        budgets.iter().any(|b| b.starts_with("駅前広場整備事業 ")),
        "{budgets:?}"
    );
    assert!(
        !budgets
            .iter()
            .any(|b| b.contains("都市計画課") || b.ends_with(" 0.10")),
        "{budgets:?}"
    );
}

#[test]
fn a_table_under_a_heading_of_projections_holds_no_budgets() {
    let text = "## 1　令和8年度当初予算\n\
                （単位：億円）\n\
                区分\t令和8年度当初予算\n\
                一般会計\t7,812\n\
                \n\
                ## 参考　中期財政見通し（令和7年9月試算）\n\
                （単位：億円）\n\
                区分\t令和8年度\t令和9年度\t令和10年度\n\
                歳入\t7,703\t7,688\t7,662\n\
                歳出\t7,917\t7,951\t7,983\n";
    let budgets = names(text, NodeType::Budget);
    assert_eq!(budgets, ["一般会計 R8 initial 7812億円"], "{budgets:?}");
}
