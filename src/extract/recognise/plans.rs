//! Strategies and plans: 「…戦略」「…計画」「…方針」 and their kin, with the decision note
//! that follows them (`（令和7年6月13日閣議決定）`).

use super::decisions::{Decision, parse_decision};
use super::names::{NameMatch, captured_names};
use crate::normalize::nfkc;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// A strategy or plan named in text, with its byte span and what the note after it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanMatch {
    /// The name as written (brackets removed).
    pub name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the name (and its note).
    pub end: usize,
    /// Date and decider from the note after the name.
    pub decision: Option<Decision>,
    /// How the name was written.
    pub form: PlanForm,
}

/// How a plan's name was written, which says how the text relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanForm {
    /// In 「」.
    Quoted,
    /// Unquoted, followed by a decision note (`…計画（令和7年6月閣議決定）`).
    Decided,
    /// Unquoted, followed by what the text rests on it for (`…計画等に基づき`).
    Cued,
    /// In parentheses after what it names an instance of (`知財活動（…戦略）`).
    Parenthesised,
}

/// Words that close the name of a strategy or plan.
const PLAN_WORDS: &str = "戦略|計画|方針|プラン|ビジョン|ロードマップ|指針|大綱|構想|パッケージ|アジェンダ|宣言|ガイドライン|要綱|覚書";

/// Words that close a plan's name when it is quoted (a report's 答申 or 在り方 too).
const QUOTED_PLAN_WORDS: &str = "答申|在り方|プログラム";

/// Any of the words that close a plan's name, which every pattern needs: most text has none
/// and is not read further.
static PLAN_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = PLAN_WORDS.split('|').chain(QUOTED_PLAN_WORDS.split('|'));
    AhoCorasick::new(words).expect("plan words")
});

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"「([^「」]{{2,60}}?(?:{PLAN_WORDS}|{QUOTED_PLAN_WORDS})(?:[\s　]*[0-9０-９.．]+)?)」\s*(?:[（(]([^（）()]{{4,80}})[）)])?"
    ))
    .expect("quoted plan pattern")
});

/// A run of chars a plan's name is written in.
const NAME_RUN: &str = r"[\p{Han}\p{Katakana}ー・＆&A-Za-z0-9０-９]+";

/// Words that join the runs of a plan's name (`…の実現に向けた重点計画`, `…に関する基本方針`).
const NAME_JOINERS: &str = "に向けた|に関する|における|のための|の|と|及び";

/// Longest unquoted name taken, in chars.
const MAX_NAME_CHARS: usize = 50;

/// The pattern of an unquoted plan's name, captured: runs joined by particles, a plan word,
/// and a version (`…の実現に向けた重点計画`, `…整備計画2030`).
fn unquoted_name() -> String {
    format!(
        r"((?:{NAME_RUN})(?:(?:{NAME_JOINERS})(?:{NAME_RUN}))*(?:{PLAN_WORDS})(?:[0-9０-９.．]+)?)"
    )
}

static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}\s*[（(【［\[]([^（）()【】［］\[\]]*?(?:閣議決定|決定|策定|改定|改訂|公表)[^（）()【】［］\[\]]*)[）)】］\]]",
        unquoted_name()
    ))
    .expect("decided plan pattern")
});

/// A plan's name in parentheses after an activity (`知財活動（オープン＆クローズ戦略）`).
static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[（(]{}[）)]", unquoted_name())).expect("parenthesised plan pattern")
});

/// An unquoted plan's name followed by what the text rests on it for (`…計画等に基づき`,
/// `…方針を踏まえ`, `…計画等の決定に基づき`).
static CUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}等?(?:の決定)?(?:に基づ|を踏まえ|に沿|の下)",
        unquoted_name()
    ))
    .expect("cued plan pattern")
});

/// Finds the strategies and plans a text names: any quoted name closed by a plan word, and
/// unquoted ones followed by a decision note or by a cue that the text rests on them.
pub fn find_plans(text: &str) -> Vec<PlanMatch> {
    if !PLAN_WORD.is_match(text) {
        return Vec::new();
    }
    let mut found: Vec<PlanMatch> = Vec::new();
    for caps in QUOTED.captures_iter(text) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        found.push(PlanMatch {
            name: name.as_str().trim().to_string(),
            start: name.start(),
            end: whole.end(),
            decision: caps
                .get(2)
                .and_then(|note| parse_decision(&nfkc(note.as_str()))),
            form: PlanForm::Quoted,
        });
    }
    let unquoted = [
        (&*DECIDED, PlanForm::Decided),
        (&*CUED, PlanForm::Cued),
        (&*PARENTHESISED, PlanForm::Parenthesised),
    ];
    for (pattern, form) in unquoted {
        for caps in pattern.captures_iter(text) {
            let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            if found
                .iter()
                .any(|f| f.start < name.end() && name.start() < f.end)
            {
                continue;
            }
            let name_text = name.as_str().trim_start_matches(['各', '同', '本']);
            let name_text = strip_leading_joiner(name_text);
            let chars = name_text.chars().count();
            if !(4..=MAX_NAME_CHARS).contains(&chars) {
                continue;
            }
            let note = caps.get(2);
            let closed = note.is_some() || form == PlanForm::Parenthesised;
            found.push(PlanMatch {
                name: name_text.to_string(),
                start: name.end() - name_text.len(),
                end: if closed { whole.end() } else { name.end() },
                decision: note.and_then(|note| parse_decision(&nfkc(note.as_str()))),
                form,
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*{}\s*(?:[（(](?:[^（）()]|[（(][^（）()]*[）)])*[）)])?\s*((?:令和|平成)\s*[0-9０-９元]+\s*年\s*[0-9０-９]+\s*月(?:\s*[0-9０-９]+\s*日)?\s*(?:閣議決定|決定|制定|策定|改定|改訂))",
        unquoted_name()
    ))
    .expect("plan title pattern")
});

/// A line that opens with a plan's name and the date it was set or revised (a page or a
/// section titled by the plan: `…整備計画（…）令和４年３月29日 制定`).
pub fn plan_title(line: &str) -> Option<PlanMatch> {
    let caps = TITLE.captures(line)?;
    let (name, note) = (caps.get(1)?, caps.get(2)?);
    Some(PlanMatch {
        name: strip_leading_joiner(name.as_str()).trim().to_string(),
        start: name.start(),
        end: name.end(),
        decision: parse_decision(&nfkc(note.as_str())),
        form: PlanForm::Decided,
    })
}

static DRAFTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}の(?:所要の)?(?:整備|策定|改定|改訂|精緻化|見直し)",
        unquoted_name()
    ))
    .expect("drafted plan pattern")
});

/// The unquoted plans a text says the item draws up or revises (`…ガイドラインの策定`,
/// `…計画の改定`): what the item works towards.
pub fn find_drafted_plans(text: &str) -> Vec<PlanMatch> {
    DRAFTED
        .captures_iter(text)
        .filter_map(|caps| {
            let name = caps.get(1)?;
            let cleaned = strip_leading_joiner(name.as_str());
            let start = name.end() - cleaned.len();
            (cleaned.chars().count() <= MAX_NAME_CHARS && !cleaned.is_empty()).then(|| PlanMatch {
                name: cleaned.to_string(),
                start,
                end: name.end(),
                decision: None,
                form: PlanForm::Cued,
            })
        })
        .collect()
}

/// The unquoted plans a text says it rests on (`…計画等に基づき`, `…方針を踏まえ`).
pub fn find_cued_plans(text: &str) -> Vec<PlanMatch> {
    find_plans(text)
        .into_iter()
        .filter(|m| m.form == PlanForm::Cued)
        .collect()
}

/// A name cut where a sentence's particle was taken for a joiner (`…と…`, `…及び…`).
fn strip_leading_joiner(name: &str) -> &str {
    name.trim_start_matches(['の', 'と'])
        .trim_start_matches("及び")
}

/// A declaration or statement (`…宣言`, `G7…声明`, `…コミュニケ`) or a plan named with its
/// katakana nickname (`…計画(ビジョン)`): group 1.
static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z0-9]+\s*)?[\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:宣言|声明|コミュニケ)|[\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+計画[(（][\p{Katakana}ー]+[)）])")
        .expect("declaration")
});

/// Finds declarations, statements and communiqués, and plans named with a nickname.
pub fn find_declarations(text: &str) -> Vec<NameMatch> {
    captured_names(&DECLARATION, 1, text)
}

/// A plan or strategy named with its term or edition: `第6期…計画`, `…戦略 2030`.
static EDITIONED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第\d+期[\p{Han}\p{Katakana}ー・]*?(?:計画|戦略)|[\p{Han}\p{Katakana}ー・]{2,}(?:計画|戦略)\s*\d{4}")
        .expect("editioned plan")
});

/// Finds plans and strategies named with their term (`第6期基本計画`) or edition year
/// (`…戦略 2030`), often the short name of a plan written in full elsewhere.
pub fn find_editioned_plans(text: &str) -> Vec<NameMatch> {
    EDITIONED_PLAN.find_iter(text).map(NameMatch::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_the_item_draws_up() {
        let found = find_drafted_plans("AI安全性評価ガイドラインの策定や、整備計画の改定を行う");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["AI安全性評価ガイドライン", "整備計画"]);
        assert!(find_drafted_plans("計画的な整備").is_empty());
    }

    #[test]
    fn a_line_titled_by_a_plan_and_its_date() {
        let title = plan_title("地域通信整備計画（無線・IoT(５Ｇ等)）令和４年３月29日 制定")
            .expect("a plan title");
        assert_eq!(title.name, "地域通信整備計画");
        assert_eq!(
            title.decision.as_ref().map(|d| d.date.as_str()),
            Some("2022-03-29")
        );
        assert!(plan_title("地域通信整備計画を推進する").is_none());
        assert!(plan_title("令和４年３月29日 制定").is_none());
    }

    #[test]
    fn finds_quoted_and_decided_plans() {
        let found = find_plans(
            "「デジタル社会の実現に向けた重点計画」（令和7年6月13日閣議決定）及び「ガイドブック」に基づき、\
             経済財政運営と改革の基本方針2025（令和7年6月13日閣議決定）を踏まえ",
        );
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "デジタル社会の実現に向けた重点計画",
                "経済財政運営と改革の基本方針2025"
            ]
        );
        let bracketed =
            find_plans("地域強靱化年次計画2024 【令和６年６月21日 地域強靱化推進本部決定】");
        assert_eq!(bracketed[0].name, "地域強靱化年次計画2024");
        assert_eq!(
            bracketed[0].decision.as_ref().map(|d| d.date.as_str()),
            Some("2024-06-21")
        );
        let cued = find_plans(
            "犯罪対策閣僚会議やデジタル社会の実現に向けた重点計画等の決定に基づき、\
             デジタルインフラ整備計画2030（令和７年６月公表）を踏まえ",
        );
        let names: Vec<&str> = cued.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "デジタル社会の実現に向けた重点計画",
                "デジタルインフラ整備計画2030"
            ]
        );
        assert!(cued[0].decision.is_none());
        let instance = find_plans("国際標準化や知財活動（テスト＆クローズ戦略）を推進");
        assert_eq!(instance[0].name, "テスト＆クローズ戦略");
        assert_eq!(instance[0].form, PlanForm::Parenthesised);
        assert!(find_plans("この計画に基づき").is_empty());
        let decision = found[0].decision.as_ref().expect("a decision");
        assert_eq!(decision.date, "2025-06-13");
        assert_eq!(decision.by.as_deref(), Some("閣議決定"));
    }

    #[test]
    fn declarations_statements_and_nicknamed_plans() {
        let found: Vec<String> = find_declarations(
            "G7デジタル・技術大臣会合閣僚宣言を踏まえ、電波政策計画（ビジョン）を改定",
        )
        .into_iter()
        .map(|m| m.name)
        .collect();
        assert_eq!(
            found,
            [
                "G7デジタル・技術大臣会合閣僚宣言",
                "電波政策計画（ビジョン）"
            ]
        );
        assert!(find_declarations("宣言する").is_empty());
    }

    #[test]
    fn plans_named_with_their_term_or_edition() {
        let found: Vec<String> = find_editioned_plans("第6期基本計画及び宇宙戦略 2030を踏まえ")
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(found, ["第6期基本計画", "宇宙戦略 2030"]);
        assert!(find_editioned_plans("計画的に進める").is_empty());
    }
}
