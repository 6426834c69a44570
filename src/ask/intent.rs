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
    /// A total: 総額, 合計, 一般会計, 特別会計.
    Total,
    /// A change between two years: 前年度から, 前年度比, 増減, 増えた, 減った.
    Change,
    /// What makes something up: どんな取組, 施策は, 内訳, 何がある.
    List,
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
            Intent::Total => "total",
            Intent::Change => "change",
            Intent::List => "list",
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
const CHANGE_CUES: [&str; 21] = [
    "前年度から",
    "前年度比",
    "前年比",
    "前年度と比",
    "前年度より",
    "昨年度から",
    "昨年度と比",
    "増減",
    "増え",
    "減っ",
    "減り",
    "増加",
    "減少",
    "伸び",
    "増額",
    "減額",
    "差額",
    "差は",
    "比べ",
    "変化",
    "変わ",
];
const TOTAL_CUES: [&str; 9] = [
    "総額",
    "合計",
    "総計",
    "全体",
    "全部で",
    "トータル",
    "予算規模",
    "一般会計",
    "特別会計",
];
const LIST_CUES: [&str; 19] = [
    "どんな取組",
    "どのような取組",
    "どんな取り組み",
    "どのような取り組み",
    "どんな施策",
    "どのような施策",
    "どんな事業",
    "どのような事業",
    "内訳",
    "何がある",
    "何があり",
    "何をして",
    "含まれ",
    "構成",
    "一覧",
    "主な施策",
    "主な取組",
    "主な取り組み",
    "主な事業",
];
/// List cues that give way to the other cues (`…事業はいくら?` asks for an amount).
const WEAK_LIST_CUES: [&str; 9] = [
    "施策は",
    "取組は",
    "取り組みは",
    "事業は",
    "施策を",
    "取組を",
    "取り組みを",
    "どんな",
    "どのような",
];
/// A phrase that starts with a back-reference word but is not one.
const NOT_A_BACK_REFERENCE: &str = "その他";
/// Phrases with 所管 that name a ministry's budget rather than ask who is in charge.
const BUDGET_OWNERSHIP: [&str; 3] = ["所管予算", "所管合計", "所管計上"];
/// Change cues that are about money by themselves.
const MONEY_CHANGE_CUES: [&str; 6] = ["増減額", "増減率", "前年度比", "前年比", "増額", "減額"];
/// Words that point back at the previous turn's subject.
const BACK_REFERENCES: [&str; 10] = [
    "その",
    "それ",
    "この",
    "あの",
    "同じ",
    "上記",
    "そちら",
    "こちら",
    "当該",
    "前述",
];
/// Words that move the previous turn's fiscal year.
const YEAR_SHIFTS: [(&str, i16); 11] = [
    ("前年度", -1),
    ("昨年度", -1),
    ("前の年度", -1),
    ("去年度", -1),
    ("去年", -1),
    ("前年", -1),
    ("来年度", 1),
    ("来年", 1),
    ("翌年度", 1),
    ("次年度", 1),
    ("次の年度", 1),
];

/// The question's reading: intent plus the fiscal year and budget kind it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// What is asked.
    pub intent: Intent,
    /// A fiscal year the question names (令和7年度, R6 …).
    pub fiscal_year: Option<FiscalYear>,
    /// A budget kind the question names (補正, 当初, 概算要求 …).
    pub kind: Option<BudgetKind>,
    /// Whether a total is asked for (総額, 一般会計 …), also within a change question.
    pub wants_total: bool,
    /// Whether the question points back at the previous subject (その, この事業 …).
    pub refers_back: bool,
    /// A year relative to the previous turn's (前年度 → −1), outside change questions.
    pub year_shift: Option<i16>,
    /// Whether the question carries a cue of its own intent (not a bare follow-up).
    pub has_cue: bool,
    /// Whether it speaks of money (a budget cue, a total, 増減額, 前年度比 …).
    pub about_money: bool,
}

/// Classifies a question.
pub fn read(question: &str) -> Reading {
    let text = for_matching(question);
    // "…所管予算", "…所管合計" name a budget, not who is in charge.
    let text = BUDGET_OWNERSHIP
        .iter()
        .fold(text, |t, phrase| t.replace(phrase, "予算"));
    let without_others = text.replace(NOT_A_BACK_REFERENCE, "");
    let has = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
    let intent = if has(&RESPONSIBILITY_CUES) {
        Intent::Responsibility
    } else if has(&STRATEGY_CUES) {
        Intent::Strategy
    } else if has(&CHANGE_CUES) {
        Intent::Change
    } else if has(&LIST_CUES) {
        Intent::List
    } else if has(&TOTAL_CUES) {
        Intent::Total
    } else if has(&BUDGET_CUES) {
        Intent::Budget
    } else if has(&INDICATOR_CUES) {
        Intent::Indicator
    } else if has(&WEAK_LIST_CUES) {
        Intent::List
    } else {
        Intent::Lookup
    };
    let year_shift = (intent != Intent::Change)
        .then(|| {
            YEAR_SHIFTS
                .iter()
                .find(|(word, _)| text.contains(word))
                .map(|(_, shift)| *shift)
        })
        .flatten();
    Reading {
        intent,
        fiscal_year: find_fiscal_years(&text).first().map(|m| m.year),
        kind: BudgetKind::detect(&text.replace("予算額", "予算")),
        wants_total: has(&TOTAL_CUES),
        refers_back: BACK_REFERENCES.iter().any(|c| without_others.contains(c)),
        year_shift,
        has_cue: intent != Intent::Lookup,
        about_money: has(&BUDGET_CUES) || has(&MONEY_CHANGE_CUES) || has(&TOTAL_CUES),
    }
}

/// The words of a question that name its subject: cues, question words and particles
/// removed, so the rest can be matched against node names.
pub fn subject_text(question: &str) -> String {
    // "その他" is a name, not a reference back: keep it out of the reach of "その".
    const KEPT: &str = "\u{e000}";
    let mut text = for_matching(question).replace(NOT_A_BACK_REFERENCE, KEPT);
    let noise = FOLLOW_UP_NOISE
        .iter()
        .chain(QUESTION_NOISE.iter())
        .chain(BUDGET_CUES.iter())
        .chain(RESPONSIBILITY_CUES.iter())
        .chain(STRATEGY_CUES.iter())
        .chain(INDICATOR_CUES.iter())
        .chain(CHANGE_CUES.iter())
        .chain(LIST_CUES.iter())
        .chain(WEAK_LIST_CUES.iter())
        .chain(TOTAL_CUES.iter().filter(|c| !c.ends_with("会計")))
        .chain(BACK_REFERENCES.iter())
        .chain(YEAR_SHIFTS.iter().map(|(word, _)| word));
    for word in noise {
        text = text.replace(word, " ");
    }
    text.replace(KEPT, NOT_A_BACK_REFERENCE)
        .split_whitespace()
        .filter(|w| !w.is_empty() && !is_particle(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the question names a subject of its own: words left once cues, fiscal years
/// and follow-up phrasing are taken out.
pub fn names_a_subject(question: &str) -> bool {
    let mut text = subject_text(question);
    let mut years: Vec<(usize, usize)> = find_fiscal_years(&text)
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    years.reverse();
    for (start, end) in years {
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            text.replace_range(start..end, " ");
        }
    }
    text.split_whitespace()
        .any(|w| !is_particle(w) && w.chars().any(char::is_alphanumeric))
}

/// Follow-up phrasing that names no subject.
const FOLLOW_UP_NOISE: [&str; 26] = [
    "じゃあ",
    "ちなみに",
    "それでは",
    "では、",
    "前年度と比べると",
    "前年度と比べて",
    "前年度と比較すると",
    "どれだけ",
    "どのぐらい",
    "何%",
    "この事業",
    "その事業",
    "この施策",
    "その施策",
    "この取組",
    "その取組",
    "当初",
    "概算",
    "と比べると",
    "と比べて",
    "と比較",
    "では",
    "だと",
    "なら",
    "どうなって",
    "どう",
];

/// A leftover particle on its own.
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "の" | "は" | "が" | "を" | "に" | "で" | "と" | "も" | "から" | "より" | "や"
    )
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
        assert_eq!(read("総務省所管合計の前年度比は?").intent, Intent::Change);
        assert_eq!(read("一般会計の総額は?").intent, Intent::Total);
        assert_eq!(
            read("デジタル基盤整備にはどんな取組がある?").intent,
            Intent::List
        );
        assert_eq!(
            read("恩給費は前年度から何億円減った?").intent,
            Intent::Change
        );
        assert!(!read("その他政策的経費の予算は?").refers_back);
        assert!(read("その予算は?").refers_back);
        assert_eq!(read("前年度は?").year_shift, Some(-1));
        assert_eq!(read("前年度から増えた?").year_shift, None);
        assert_eq!(read("去年は?").year_shift, Some(-1));
        assert_eq!(
            read("予算は前年度と比べてどう変わった?").intent,
            Intent::Change
        );
        assert_eq!(read("どのような取り組みがある?").intent, Intent::List);
        assert_eq!(
            read("地域社会DX推進パッケージ事業はいくら?").intent,
            Intent::Budget
        );
        assert!(!names_a_subject("じゃあ令和6年度補正では?"));
        assert!(!names_a_subject("前年度と比べると?"));
        assert!(names_a_subject("消防団の予算は?"));
    }

    #[test]
    fn subject_text_drops_cues() {
        let subject = subject_text("地域おこし協力隊の予算はいくら?");
        assert!(subject.starts_with("地域おこし協力隊"), "{subject}");
        assert!(!subject.contains("予算") && !subject.contains("いくら"));
    }
}
