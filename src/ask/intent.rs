//! Reading what a question asks for, with rules over its normalised words.

use crate::money::{BudgetKind, FiscalYear, find_fiscal_years};
use crate::normalize::for_matching;
use serde::Serialize;

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// An amount of money: いくら, 予算, 何億円, 補正, 要求.
    Budget,
    /// Who is in charge: 担当, 所管, どこが.
    Responsibility,
    /// Which strategy, plan or law it rests on.
    Strategy,
    /// Targets and indicators.
    Indicator,
    /// Anything else: answered from passages.
    Lookup,
}

impl Intent {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Budget => "budget",
            Intent::Responsibility => "responsibility",
            Intent::Strategy => "strategy",
            Intent::Indicator => "indicator",
            Intent::Lookup => "lookup",
        }
    }
}

const BUDGET_CUES: [&str; 12] = [
    "いくら",
    "予算",
    "何億",
    "何兆",
    "億円",
    "金額",
    "補正",
    "要求",
    "経費",
    "財源",
    "費用",
    "財投",
];
const RESPONSIBILITY_CUES: [&str; 9] = [
    "担当",
    "所管",
    "どこが",
    "どこの",
    "部署",
    "部局",
    "責任",
    "課室",
    "どの省",
];
const STRATEGY_CUES: [&str; 10] = [
    "どの戦略",
    "どの計画",
    "どの方針",
    "どの法",
    "根拠",
    "基づ",
    "どの政府戦略",
    "戦略は",
    "計画は",
    "掲げる",
];
const INDICATOR_CUES: [&str; 7] = ["目標", "指標", "kpi", "達成", "目標値", "成果", "何件"];

/// The question's reading: intent plus the fiscal year and budget kind it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// What is asked.
    pub intent: Intent,
    /// A fiscal year the question names (令和7年度, R6 …).
    pub fiscal_year: Option<FiscalYear>,
    /// A budget kind the question names (補正, 当初, 概算要求 …).
    pub kind: Option<BudgetKind>,
}

/// Classifies a question.
pub fn read(question: &str) -> Reading {
    let text = for_matching(question);
    let has = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
    let intent = if has(&RESPONSIBILITY_CUES) {
        Intent::Responsibility
    } else if has(&STRATEGY_CUES) {
        Intent::Strategy
    } else if has(&BUDGET_CUES) {
        Intent::Budget
    } else if has(&INDICATOR_CUES) {
        Intent::Indicator
    } else {
        Intent::Lookup
    };
    Reading {
        intent,
        fiscal_year: find_fiscal_years(&text).first().map(|m| m.year),
        kind: BudgetKind::detect(&text),
    }
}

/// The words of a question that name its subject: cues, question words and particles
/// removed, so the rest can be matched against node names.
pub fn subject_text(question: &str) -> String {
    let mut text = for_matching(question);
    let noise = QUESTION_NOISE
        .iter()
        .chain(BUDGET_CUES.iter())
        .chain(RESPONSIBILITY_CUES.iter())
        .chain(STRATEGY_CUES.iter())
        .chain(INDICATOR_CUES.iter());
    for word in noise {
        text = text.replace(word, " ");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const QUESTION_NOISE: [&str; 24] = [
    "はいくら",
    "ですか",
    "でしょうか",
    "教えて",
    "ください",
    "について",
    "何ですか",
    "とは",
    "は?",
    "?",
    "?",
    "。",
    "どれくらい",
    "どのくらい",
    "どこ",
    "いつ",
    "誰",
    "の額",
    "額は",
    "総額",
    "全部で",
    "してい",
    "ている",
    "は何",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_intents_years_and_kinds() {
        let budget = read("地域おこし協力隊の予算はいくら?");
        assert_eq!(budget.intent, Intent::Budget);
        let supplementary = read("自治体情報システムの標準化に令和６年度補正予算でいくら?");
        assert_eq!(supplementary.kind, Some(BudgetKind::Supplementary));
        assert_eq!(
            supplementary.fiscal_year.map(|y| y.label()),
            Some("R6".to_string())
        );
        assert_eq!(read("政策４の担当課室は?").intent, Intent::Responsibility);
        assert_eq!(
            read("電波監視体制の強化はどの計画の取組?").intent,
            Intent::Strategy
        );
        assert_eq!(read("電波監視の目標").intent, Intent::Indicator);
        assert_eq!(read("TRLとは").intent, Intent::Lookup);
    }

    #[test]
    fn subject_text_drops_cues() {
        let subject = subject_text("地域おこし協力隊の予算はいくら?");
        assert!(subject.starts_with("地域おこし協力隊"), "{subject}");
        assert!(!subject.contains("予算") && !subject.contains("いくら"));
    }
}
