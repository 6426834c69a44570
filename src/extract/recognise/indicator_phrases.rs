//! Indicators named in running text, without a `KPI` or `測定指標` label: a chart of an
//! indicator over time (`地域運営組織の形成数の推移`), a count stated as of a date
//! (`登録隊数 6,731隊（令和７年４月１日現在）`), and a rate the text aims to move
//! (`女性消防吏員比率の向上`), a list item that is only a measured quantity's name
//! (`・実証的共同研究実施件数`); and an indicator written as a heading with its targets by due
//! date under it (`③ 5G人口カバー率` / `【2025年度末】` / `全国97%`); and the milestones of a
//! roadmap, goals led by the year they are due (`2030年 シビアな交渉にも使える同時通訳`).

use super::numbering::numbered;
use super::targets::IndicatorValues;
use crate::money::{find_dates, find_fiscal_years};
use regex::Regex;
use std::sync::LazyLock;

/// An indicator found in running text, with its byte span and what the text states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorPhrase {
    /// The indicator's name as written.
    pub name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past what was read (name and value).
    pub end: usize,
    /// A stated value as an actual of its year, or the direction aimed at as the target.
    pub values: IndicatorValues,
}

/// Runs of kanji, katakana or latin joined by の: what an indicator's name is written in.
const NAME_STEM: &str =
    r"(?:[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]+の)*[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]*";

/// Words that close the name of something measured: a count, a rate, a share, a degree of
/// awareness or satisfaction found by a survey.
const MEASURE_WORDS: &str = "数|率|割合|シェア|人口|認知度|満足度|理解度|達成度";

/// Counters a stated count may carry.
const COUNTERS: &str = r"件|人|者|団体|か所|箇所|カ所|社|校|局|隊|回|台|施設|市区町村|自治体|%|％";

/// A count at the end of a text (`被災箇所　２８６か所`, `対象　約1,200件`).
static TRAILING_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"約?[0-9０-９][0-9０-９,，.．]*(?:万|千)?(?:{COUNTERS})$"
    ))
    .expect("trailing count pattern")
});

/// Whether a text ends with a stated count (`被災箇所　２８６か所`): what a line says of
/// the item above it, no name of its own.
pub fn ends_with_count(text: &str) -> bool {
    TRAILING_COUNT.is_match(text.trim_end())
}

static TREND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAME_STEM}(?:{MEASURE_WORDS}))の(?:推移|経年変化)"
    ))
    .expect("trend pattern")
});

static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAME_STEM}(?:{MEASURE_WORDS}))\s*[:：は]?\s*約?([0-9０-９][0-9０-９,，.．]*(?:万|千)?(?:{COUNTERS}))\s*[（(]([^（）()]{{4,30}}?)現在[）)]"
    ))
    .expect("stated count pattern")
});

static AIMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAME_STEM}(?:率|割合))の(向上|増加|引上げ|引き上げ|低減|削減|減少|改善)"
    ))
    .expect("aimed rate pattern")
});

static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[・•]\s*({NAME_STEM}(?:{MEASURE_WORDS}))(?:[（(][^（）()]{{1,20}}[）)])?(?:\s+約?[0-9０-９][0-9０-９,，.．]*(?:万|千)?(?:{COUNTERS}))?\s*$"
    ))
    .expect("listed quantity pattern")
});

/// Shortest indicator name kept, in chars: shorter ones (`割合`, `利用率`) say too little.
const MIN_NAME_CHARS: usize = 5;

/// Finds the indicators `text` names in passing.
pub fn find_indicator_phrases(text: &str) -> Vec<IndicatorPhrase> {
    // Every pattern closes the name with a measure word (率 and 割合 among them).
    if !MEASURE_WORDS.split('|').any(|word| text.contains(word)) {
        return Vec::new();
    }
    let mut found: Vec<IndicatorPhrase> = Vec::new();
    let mut push = |name: regex::Match<'_>, end: usize, values: IndicatorValues| {
        let trimmed = name.as_str().trim_start_matches(['各', '同', '本', 'の']);
        let start = name.end() - trimmed.len();
        if trimmed.chars().count() < MIN_NAME_CHARS
            || found.iter().any(|f| f.start < end && start < f.end)
        {
            return;
        }
        found.push(IndicatorPhrase {
            name: trimmed.to_string(),
            start,
            end,
            values,
        });
    };
    for caps in STATED.captures_iter(text) {
        let (Some(whole), Some(name), Some(value), Some(as_of)) =
            (caps.get(0), caps.get(1), caps.get(2), caps.get(3))
        else {
            continue;
        };
        let Some(date) = find_dates(as_of.as_str()).next() else {
            continue;
        };
        let values = IndicatorValues {
            actuals: vec![(date.year, value.as_str().to_string())],
            ..IndicatorValues::default()
        };
        push(name, whole.end(), values);
    }
    for caps in TREND.captures_iter(text) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        push(name, whole.end(), IndicatorValues::default());
    }
    for caps in AIMED.captures_iter(text) {
        let (Some(whole), Some(name), Some(aim)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let values = IndicatorValues {
            target: Some(aim.as_str().to_string()),
            ..IndicatorValues::default()
        };
        push(name, whole.end(), values);
    }
    for caps in LISTED.captures_iter(text) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        push(name, whole.end(), IndicatorValues::default());
    }
    found.sort_by_key(|f| f.start);
    found
}

/// An indicator heading with targets by due year under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedTargets {
    /// The indicator's name (numbering and note marks removed).
    pub name: String,
    /// Index of the heading line.
    pub name_line: usize,
    /// Index of the last target line read.
    pub last: usize,
    /// The last target and its year as the target; earlier ones as planned steps.
    pub values: IndicatorValues,
    /// Earlier targets by year.
    pub steps: Vec<(u16, String)>,
}

static MEASURED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME_STEM}(?:{MEASURE_WORDS})(?:[（(][^（）()]{{1,20}}[）)])?)(?:\s*[※＊*][0-9０-９]*)?$"
    ))
    .expect("measured heading pattern")
});

/// A line that only gives a due date: `【2025年度末】`, `［令和7年度］`.
fn due_bracket(line: &str) -> Option<u16> {
    let inner = line
        .trim()
        .strip_prefix(['【', '［', '['])?
        .strip_suffix(['】', '］', ']'])?;
    let years = find_fiscal_years(inner);
    let year = years.first()?;
    let rest = inner[..year.start].trim().is_empty()
        && matches!(
            inner[year.end..].trim(),
            "" | "末" | "中" | "まで" | "末まで"
        );
    rest.then(|| year.year.gregorian())
}

/// How many lines after a heading or a due date the next one may stand.
const STEP_REACH: usize = 3;

/// Indicator headings whose targets are listed by due date under them, in `lines`.
pub fn dated_targets(lines: &[&str]) -> Vec<DatedTargets> {
    let non_empty_after = |from: usize| {
        (from + 1..lines.len())
            .filter(|j| !lines[*j].trim().is_empty())
            .take(STEP_REACH)
            .collect::<Vec<usize>>()
    };
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let title = numbered(line).map_or(line.trim(), |n| n.title.trim());
        let Some(caps) = MEASURED_HEADING.captures(title) else {
            continue;
        };
        let Some(name) = caps.get(1).map(|m| m.as_str().to_string()) else {
            continue;
        };
        if name.chars().count() < MIN_NAME_CHARS {
            continue;
        }
        let mut steps = Vec::new();
        let mut at = index;
        while let Some(&due_line) = non_empty_after(at).first() {
            let Some(year) = due_bracket(lines[due_line]) else {
                break;
            };
            let Some(&value_line) = non_empty_after(due_line).first() else {
                break;
            };
            if due_bracket(lines[value_line]).is_some() {
                break;
            }
            steps.push((year, lines[value_line].trim().to_string()));
            at = value_line;
        }
        let Some((year, target)) = steps.pop() else {
            continue;
        };
        found.push(DatedTargets {
            name,
            name_line: index,
            last: at,
            values: IndicatorValues {
                target: Some(target),
                target_year: Some(year),
                ..IndicatorValues::default()
            },
            steps,
        });
    }
    found
}

/// A line led by the year a goal is due (`2030年 シビアな交渉にも使える同時通訳`,
/// `2040年情報通信分野のカーボンニュートラル実現`, `2027年度末までに…`): the year, then the goal.
static MILESTONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)[0-9]{2})\s*年(?:度)?末?(?:まで(?:に)?)?\s*(\S.*)$")
        .expect("milestone pattern")
});

/// Endings that say the goal is to be realised, kept out of its name.
const REALISED: [&str; 4] = ["の実現", "実現", "の達成", "達成"];

/// Chars a goal may not open with: they make the year part of another word (`2030年代`,
/// `2025年版`, `…年間`) or of a clause (`…年の`, `…年から`).
const NOT_GOAL_HEADS: [char; 12] = [
    '代', '版', '間', '頃', 'の', 'に', 'を', 'は', 'が', 'か', 'ま', '以',
];

/// Longest goal read, in chars: a longer line is a sentence.
const MAX_GOAL_CHARS: usize = 40;

/// Most lines from one milestone of a roadmap to the next (blank lines between them).
const MILESTONE_REACH: usize = 4;

/// The year and goal of a milestone line, if it is one.
fn milestone_at(line: &str) -> Option<(u16, &str)> {
    let caps = MILESTONE.captures(line)?;
    let year: u16 = caps.get(1)?.as_str().parse().ok()?;
    let goal = caps.get(2)?.as_str().trim();
    let chars = goal.chars().count();
    let opens_as_name = goal
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !NOT_GOAL_HEADS.contains(&c));
    let sentence = goal.contains(['。', '、', '，', '：', ':', '年', '月']);
    (opens_as_name && !sentence && (MIN_NAME_CHARS..=MAX_GOAL_CHARS).contains(&chars))
        .then_some((year, goal))
}

/// Milestones of a roadmap in `lines`: goals led by the year they are due, each read as an
/// indicator whose target is the goal and whose target year is that year. A goal is read
/// when it says it is to be realised (`…実現`, the ending left out of its name) or when
/// another year-led goal stands within a few lines (a roadmap); goals due before
/// `from_year` (the document's year) are history, not targets.
pub fn milestones(lines: &[&str], from_year: Option<u16>) -> Vec<DatedTargets> {
    let found: Vec<(usize, u16, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| milestone_at(line).map(|(year, goal)| (index, year, goal)))
        .collect();
    // Non-empty lines from line `a` (counted) up to line `b`.
    let between = |a: usize, b: usize| lines[a..b].iter().filter(|l| !l.trim().is_empty()).count();
    // Milestones come in line order: the nearest other one is the one before or after.
    let in_roadmap = |at: usize| {
        let here = found[at].0;
        let before = at
            .checked_sub(1)
            .is_some_and(|i| between(found[i].0, here) <= MILESTONE_REACH);
        let after = found
            .get(at + 1)
            .is_some_and(|next| between(here, next.0) <= MILESTONE_REACH);
        before || after
    };
    let mut milestones = Vec::new();
    for (at, (index, year, goal)) in found.iter().enumerate() {
        if from_year.is_some_and(|from| *year < from) {
            continue;
        }
        let realised = REALISED.iter().find_map(|ending| goal.strip_suffix(ending));
        let name = match realised {
            Some(name) => name,
            None if in_roadmap(at) => goal,
            None => continue,
        };
        if name.chars().count() < MIN_NAME_CHARS {
            continue;
        }
        milestones.push(DatedTargets {
            name: name.to_string(),
            name_line: *index,
            last: *index,
            values: IndicatorValues {
                target: Some((*goal).to_string()),
                target_year: Some(*year),
                ..IndicatorValues::default()
            },
            steps: Vec::new(),
        });
    }
    milestones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_ends_a_line_of_what_was_counted() {
        assert!(ends_with_count("被災箇所　２８６か所"));
        assert!(ends_with_count("対象事業者　約1,200件 "));
        assert!(!ends_with_count("被災者生活再建支援事業"));
        assert!(!ends_with_count("２８６か所の被災箇所を復旧"));
    }

    fn names(text: &str) -> Vec<String> {
        find_indicator_phrases(text)
            .into_iter()
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn charts_counts_and_aimed_rates() {
        assert_eq!(names("市民団体の登録数の推移"), ["市民団体の登録数"]);
        let stated = find_indicator_phrases("※救助隊の登録隊数 1,234隊（令和９年４月１日現在）");
        assert_eq!(stated[0].name, "救助隊の登録隊数");
        assert_eq!(stated[0].values.actuals, [(2027, "1,234隊".to_string())]);
        let aimed = find_indicator_phrases("男性職員の育休取得率の向上、女性職員比率の向上を図る");
        let aimed: Vec<(&str, Option<&str>)> = aimed
            .iter()
            .map(|f| (f.name.as_str(), f.values.target.as_deref()))
            .collect();
        assert_eq!(
            aimed,
            [
                ("男性職員の育休取得率", Some("向上")),
                ("女性職員比率", Some("向上"))
            ]
        );
    }

    #[test]
    fn a_list_item_that_only_names_a_quantity() {
        assert_eq!(names("・共同研究実施件数"), ["共同研究実施件数"]);
        assert_eq!(
            names("• 相談窓口の利用者数（延べ）"),
            ["相談窓口の利用者数"]
        );
        assert_eq!(
            names("・相談窓口の認知度 13.8%"),
            ["相談窓口の認知度"],
            "a list item stating the quantity's current value"
        );
        assert!(names("・共同研究を実施した件数").is_empty());
        assert!(names("共同研究実施件数").is_empty());
    }

    #[test]
    fn headings_with_targets_by_due_date() {
        let text = "③ 光回線世帯カバー率※２\n\n【2027年度末】\n\n全国95%\n\n【2030年度末】\n\n全国99%\n\n整備方針\n④ 道路カバー率（国道）\n\n99%";
        let lines: Vec<&str> = text.lines().collect();
        let found = dated_targets(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "光回線世帯カバー率");
        assert_eq!(found[0].values.target.as_deref(), Some("全国99%"));
        assert_eq!(found[0].values.target_year, Some(2030));
        assert_eq!(found[0].steps, [(2027, "全国95%".to_string())]);
        assert_eq!((found[0].name_line, found[0].last), (0, 8));
    }

    #[test]
    fn short_or_undated_statements_are_not_indicators() {
        assert!(names("人口の推移").is_empty());
        assert!(names("利用率の向上").is_empty());
        assert!(names("登録隊数 1,234隊").is_empty());
        assert!(names("生産性の向上").is_empty());
    }

    #[test]
    fn milestones_of_a_roadmap_and_goals_to_realise() {
        let text = "（Mission）\n\n2030年 シビアな交渉にも使える同時通訳\n\n2025年 文脈を補う同時通訳\n\n\
                    2020年 日常生活を支える翻訳\n\n2040年情報通信分野のカーボンニュートラル実現\n";
        let lines: Vec<&str> = text.lines().collect();
        let found = milestones(&lines, Some(2023));
        let read: Vec<(&str, Option<u16>, usize)> = found
            .iter()
            .map(|m| (m.name.as_str(), m.values.target_year, m.name_line))
            .collect();
        assert_eq!(
            read,
            [
                ("シビアな交渉にも使える同時通訳", Some(2030), 2),
                ("文脈を補う同時通訳", Some(2025), 4),
                ("情報通信分野のカーボンニュートラル", Some(2040), 8),
            ]
        );
        assert_eq!(
            found[2].values.target.as_deref(),
            Some("情報通信分野のカーボンニュートラル実現")
        );
        assert_eq!(milestones(&lines, None).len(), 4, "no year: history kept");
        for not_one in [
            "2030年代の導入が見込まれる次世代インフラ",
            "2025年版 新規トピックの例",
            "2020年 ４月 経済班設置",
            "2030年度までに全ての団体が取り組むことを見据え、",
            "2025年日本国際博覧会に向けた同時通訳システム",
        ] {
            assert!(milestones(&[not_one], Some(2023)).is_empty(), "{not_one}");
        }
    }
}
