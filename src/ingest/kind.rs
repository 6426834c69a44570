//! Which known kind of document a text is, scored from its structure.
//!
//! Each of the five known layouts has structural signatures that the parsers in
//! `src/extract/` rely on: 【予算】 blocks of a budget request, 【主な経費】 lines and tables
//! comparing the year with the previous one in a budget overview, the four-line policy header
//! and 測定指標 of an evaluation, `取組の内容 / 対応状況` tables of a plan's progress report, and
//! `■strategy（date decided）` lines of strategy excerpts. Every signature counts the lines
//! that show it, up to a saturation count, times its weight; the kind with the highest sum
//! wins if the sum reaches [`MIN_SCORE`] and clearly beats the runner-up. A document that
//! merely talks about budgets or evaluations (a white paper, a municipal budget book, a
//! supplementary-budget overview without the comparison layout) stays
//! [`DocKind::Other`], to be read by the generic extractor rather than by a parser fitted to
//! another layout.

use crate::corpus::DocKind;
use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// The least score a kind needs to be chosen.
pub const MIN_SCORE: f64 = 3.5;
/// How many times the runner-up's score the winner needs.
const MIN_LEAD: f64 = 1.5;

/// One structural signature of a known layout.
struct Signature {
    kind: DocKind,
    pattern: Regex,
    /// Only lines that are table rows (cells separated by tabs or `|`) count.
    table_rows_only: bool,
    weight: f64,
    /// Lines beyond this many add nothing.
    saturation: usize,
}

/// The signatures, over NFKC-normalised trimmed lines (so `（１）` reads `(1)` and `Ⅰ` reads
/// `I`).
static SIGNATURES: LazyLock<Vec<Signature>> = LazyLock::new(|| {
    use DocKind::*;
    let rows: &[(DocKind, &str, bool, f64, usize)] = &[
        // 予算の概要: 【主な経費】 lines, tables of this year against the previous one, numbered
        // items that end with their amount, the account headers.
        (BudgetOverview, r"^【主な経費】", false, 2.0, 3),
        (
            BudgetOverview,
            r"予算額.*(?:比較増減|増減額|前年度)|(?:比較増減|増減額|前年度).*予算額",
            true,
            1.5,
            1,
        ),
        (
            BudgetOverview,
            r"^(?:\d{1,2}\s*[.．]|\(\d{1,2}\)|[IVX]{1,4}\s).*\d[\d,]*(?:\.\d+)?\s*億円$",
            false,
            1.5,
            5,
        ),
        (BudgetOverview, r"^第\s*\d+\s+\S*会計", false, 1.0, 1),
        (
            BudgetOverview,
            r"^\((?:単位:\s*)?(?:億円|百万円|千円)\)$",
            false,
            0.5,
            1,
        ),
        // 概算要求 / 重点施策 slides: 【予算】 blocks, 事項要求, pillar slide headers.
        (BudgetRequest, r"【\s*予\s*算[^】]{0,20}】", false, 3.0, 5),
        (BudgetRequest, r"事項要求", false, 1.0, 2),
        (BudgetRequest, r"^[IVX]{1,4}\s+\S", false, 0.5, 3),
        // 政策評価書: the policy header block and indicator vocabulary.
        (PolicyEvaluation, r"^政策名\s*政策\s*\d+", false, 2.0, 2),
        (PolicyEvaluation, r"^担当部局", false, 1.0, 2),
        (
            PolicyEvaluation,
            r"^(?:作成責任者|政策評価実施時期)",
            false,
            1.0,
            2,
        ),
        (
            PolicyEvaluation,
            r"測定指標|施策目標|目標値|実績値|達成手段",
            false,
            1.5,
            5,
        ),
        // A plan's progress report: 取組の内容 / 対応状況 tables, 具体的な取組 lists.
        (PlanStatus, r"取組の内容.*対応状況", true, 2.5, 3),
        (PlanStatus, r"に係る対応状況", false, 1.0, 1),
        (PlanStatus, r"^具体的な取組", false, 1.0, 2),
        // Strategy excerpts: ■strategy(date decided) lines.
        (
            StrategyExcerpts,
            r"^■.*\((?:令和|平成)\s*(?:元|\d+)\s*年\s*\d+\s*月(?:\s*\d+\s*日)?[^)]*\)",
            false,
            3.0,
            5,
        ),
        (
            StrategyExcerpts,
            r"^■.*(?:閣議決定|本部決定|会議決定)",
            false,
            1.0,
            3,
        ),
    ];
    rows.iter()
        .map(
            |&(kind, pattern, table_rows_only, weight, saturation)| Signature {
                kind,
                pattern: Regex::new(pattern).expect("kind signature pattern"),
                table_rows_only,
                weight,
                saturation,
            },
        )
        .collect()
});

/// The kinds that have a parser, in the order scores are reported.
const KNOWN: [DocKind; 5] = [
    DocKind::BudgetOverview,
    DocKind::BudgetRequest,
    DocKind::PolicyEvaluation,
    DocKind::StrategyExcerpts,
    DocKind::PlanStatus,
];

/// How strongly a document shows the structure of one known kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindScore {
    /// The kind.
    pub kind: DocKind,
    /// Sum of its signatures' weighted, saturated line counts.
    pub score: f64,
}

/// Scores the document against every known kind (highest first).
pub fn score_kinds(lines: &[String]) -> Vec<KindScore> {
    let mut counts = vec![0usize; SIGNATURES.len()];
    for line in lines {
        let line = nfkc(line.trim());
        if line.is_empty() {
            continue;
        }
        let table_row = line.contains('\t') || line.starts_with('|');
        for (count, signature) in counts.iter_mut().zip(SIGNATURES.iter()) {
            if *count < signature.saturation
                && (table_row || !signature.table_rows_only)
                && signature.pattern.is_match(&line)
            {
                *count += 1;
            }
        }
    }
    let mut scores: Vec<KindScore> = KNOWN
        .iter()
        .map(|&kind| KindScore {
            kind,
            score: SIGNATURES
                .iter()
                .zip(&counts)
                .filter(|(signature, _)| signature.kind == kind)
                .map(|(signature, &count)| {
                    signature.weight * count as f64 / signature.saturation as f64
                })
                .sum(),
        })
        .collect();
    scores.sort_by(|a, b| b.score.total_cmp(&a.score));
    scores
}

/// The known kind whose structure the document clearly has, or [`DocKind::Other`].
pub(crate) fn detect_kind(lines: &[String]) -> DocKind {
    let scores = score_kinds(lines);
    let best = scores[0];
    let runner_up = scores.get(1).map_or(0.0, |s| s.score);
    if best.score >= MIN_SCORE && best.score >= runner_up * MIN_LEAD {
        best.kind
    } else {
        DocKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_budget_request_by_its_budget_blocks() {
        let mut text = "Ⅰ　地域の活性化\n１．担い手の支援\n（１）協力隊の推進\n\n".to_string();
        for n in 1..=5 {
            text += &format!("【予算】事業{n}に要する経費\n{n}.7億円（６年度補正 1.5億円）\n\n");
        }
        text += "【予算】制度の創設\n事項要求（新規）\n";
        assert_eq!(detect_kind(&lines(&text)), DocKind::BudgetRequest);
    }

    #[test]
    fn words_alone_do_not_make_a_kind() {
        let text = "令和６年度の予算額は前年度を上回った。\n政策評価の結果、測定指標の目標値を達成した。\n\
                    戦略（令和６年６月閣議決定）に基づき取組を進める。\n";
        assert_eq!(detect_kind(&lines(text)), DocKind::Other);
        assert_eq!(detect_kind(&[]), DocKind::Other);
    }

    #[test]
    fn table_signatures_need_table_rows() {
        let prose = "取組の内容と対応状況を以下にまとめた。\n".repeat(5);
        let table = "取組の内容\t対応状況\n".repeat(3) + "に係る対応状況\n具体的な取組\n";
        assert!(score_kinds(&lines(&prose))[0].score < 1.0);
        assert_eq!(detect_kind(&lines(&table)), DocKind::PlanStatus);
    }
}
