//! Indicators a white paper states in its sentences: the indicator is the sentence's subject
//! (`森林経営計画が作成された森林の割合は、…`), its values stand beside their years
//! (`令和６年度に４２．３％となり`, `令和５年度の４０．８％から`), and the sentence names a
//! target (`令和１０年度の目標５０％`, `目標（令和１０年度に４５万ha）`, `目標の１，２００人
//! （令和８年度）`) or a baseline (`基準値の８３０人（令和４年度）`).

use super::targets::{IndicatorValues, STATED_VALUE as VALUE, YEAR, year_in};
use crate::normalize::nfkc;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Words an indicator's name ends with: a count, rate, share or amount.
const MEASURE_ENDINGS: [&str; 11] = [
    "数",
    "率",
    "割合",
    "額",
    "面積",
    "給与",
    "量",
    "時間",
    "高",
    "シェア",
    "件数",
];

/// Words opening a sentence before its subject.
const CONNECTIVES: [&str; 6] = [
    "一方、",
    "また、",
    "さらに、",
    "なお、",
    "このうち、",
    "他方、",
];

/// The most chars an indicator's name has.
const MAX_NAME_CHARS: usize = 40;

static TARGET_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})の目標(?:値)?(?:である)?[（(]?(?P<value>{VALUE})"
    ))
    .expect("target after year")
});

static TARGET_YEAR_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:値)?[（(](?P<year>{YEAR})(?:まで)?(?:に|で|[:：])?\s*(?P<value>{VALUE})[）)]"
    ))
    .expect("target with its year inside")
});

static TARGET_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:値)?(?:である|の)?(?P<value>{VALUE})[（(](?P<year>{YEAR})[）)]"
    ))
    .expect("target with its year after")
});

static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"基準値(?:の|は|[:：])?\s*(?:(?P<value>{VALUE})[（(](?P<year>{YEAR})[）)]|[（(](?P<year2>{YEAR})[）)]の(?P<value2>{VALUE})|[（(]?(?P<year3>{YEAR})\s*(?P<value3>{VALUE}))"
    ))
    .expect("baseline in prose")
});

static ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})(?:に|には|は|の|で)(?:は)?(?P<value>{VALUE})"
    ))
    .expect("actual in prose")
});

/// An indicator stated in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseIndicator {
    /// The sentence's subject as written.
    pub name: String,
    /// Its target, baseline and actuals.
    pub values: IndicatorValues,
}

/// The subject of a sentence when it names a count, rate or amount (`…の割合は、`).
fn subject(sentence: &str) -> Option<&str> {
    let mut text = sentence.trim_start();
    for connective in CONNECTIVES {
        text = text.strip_prefix(connective).unwrap_or(text);
    }
    let name = &text[..text.find('は')?];
    let count = name.chars().count();
    let fits = (3..=MAX_NAME_CHARS).contains(&count)
        && !name.contains(['、', '。', '「', '」'])
        && !name.chars().any(|c| c.is_numeric())
        && MEASURE_ENDINGS.iter().any(|end| name.ends_with(end));
    fits.then_some(name.trim())
}

fn named<'t>(caps: &Captures<'t>, names: [&str; 3]) -> Option<&'t str> {
    names
        .iter()
        .find_map(|name| caps.name(name))
        .map(|m| m.as_str())
}

/// Reads one sentence: an indicator when its subject names a measure and it states a target
/// or a baseline.
pub fn prose_indicator(sentence: &str) -> Option<ProseIndicator> {
    if !sentence.contains("目標") && !sentence.contains("基準値") {
        return None;
    }
    let name = subject(sentence)?;
    let body = &sentence[sentence.find(name)? + name.len()..];
    let mut values = IndicatorValues::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let target = TARGET_AFTER_YEAR
        .captures(body)
        .or_else(|| TARGET_YEAR_INSIDE.captures(body))
        .or_else(|| TARGET_YEAR_AFTER.captures(body));
    if let Some(caps) = target {
        values.target = caps.name("value").map(|m| m.as_str().to_string());
        values.target_year = caps.name("year").and_then(|m| year_in(m.as_str()));
        taken.extend(caps.get(0).map(|m| (m.start(), m.end())));
    }
    if let Some(caps) = BASELINE.captures(body) {
        values.baseline = named(&caps, ["value", "value2", "value3"]).map(str::to_string);
        values.baseline_year = named(&caps, ["year", "year2", "year3"]).and_then(year_in);
        taken.extend(caps.get(0).map(|m| (m.start(), m.end())));
    }
    if values.target.is_none() && values.baseline.is_none() {
        return None;
    }
    for caps in ACTUAL.captures_iter(body) {
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let inside_taken = taken
            .iter()
            .any(|(start, end)| whole.start() < *end && *start < whole.end());
        // `令和１０年度の目標…`: the year a target is due, no actual.
        let before_target = body[whole.start()..].contains("目標")
            && body[whole.end()..].trim_start().starts_with("目標");
        if inside_taken || before_target {
            continue;
        }
        let year = caps.name("year").and_then(|m| year_in(m.as_str()));
        if let (Some(year), Some(value)) = (year, caps.name("value"))
            && !values.actuals.iter().any(|(y, _)| *y == year)
        {
            values.actuals.push((year, value.as_str().to_string()));
        }
    }
    values.achievement =
        (nfkc(body).contains("達成した") && !body.contains("未達成")).then(|| "達成".to_string());
    Some(ProseIndicator {
        name: name.to_string(),
        values,
    })
}

/// Every indicator the sentences of a line state.
pub fn prose_indicators(line: &str) -> Vec<ProseIndicator> {
    line.split_inclusive('。')
        .filter_map(prose_indicator)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_with_its_years_and_target() {
        let found = prose_indicator(
            "森林経営計画が作成された森林の割合は、令和５年度の４０．８％から上昇し、令和６年度に４２．３％となり、令和１０年度の目標５０％に向けて着実に進捗している。",
        )
        .expect("an indicator");
        assert_eq!(found.name, "森林経営計画が作成された森林の割合");
        assert_eq!(found.values.target.as_deref(), Some("５０％"));
        assert_eq!(found.values.target_year, Some(2028));
        assert_eq!(
            found.values.actuals,
            [
                (2023, "４０．８％".to_string()),
                (2024, "４２．３％".to_string())
            ]
        );
    }

    #[test]
    fn targets_and_baselines_in_parentheses() {
        let inside = prose_indicator(
            "一方、間伐実施面積は令和６年度に３６万haとなったが、基本計画で掲げる目標（令和１０年度に４５万ha）を下回っている。",
        )
        .expect("an indicator");
        assert_eq!(inside.name, "間伐実施面積");
        assert_eq!(inside.values.target.as_deref(), Some("４５万ha"));
        assert_eq!(inside.values.target_year, Some(2028));
        assert_eq!(inside.values.actuals, [(2024, "３６万ha".to_string())]);
        let baseline = prose_indicator(
            "林業への新規就業者数は、基準値の８３０人（令和４年度）から令和５年度には８７５人、令和６年度には９１２人と増加したが、目標の１，２００人（令和８年度）にはなお開きがある。",
        )
        .expect("an indicator");
        assert_eq!(baseline.values.baseline.as_deref(), Some("８３０人"));
        assert_eq!(baseline.values.baseline_year, Some(2022));
        assert_eq!(baseline.values.target.as_deref(), Some("１，２００人"));
        assert_eq!(baseline.values.target_year, Some(2026));
        assert_eq!(baseline.values.actuals.len(), 2);
        let spaced = prose_indicator(
            "林業の労働災害による死亡者数は、令和６年度は２９人であり、基準値（令和３年度 ３８人）からは減少したものの、目標である２０人（令和９年度）の達成には取組が必要である。",
        )
        .expect("an indicator");
        assert_eq!(spaced.values.baseline.as_deref(), Some("３８人"));
        assert_eq!(spaced.values.baseline_year, Some(2021));
        assert_eq!(spaced.values.target_year, Some(2027));
        assert_eq!(spaced.values.actuals, [(2024, "２９人".to_string())]);
    }

    #[test]
    fn sentences_without_a_measured_subject_or_target_are_none() {
        assert!(prose_indicator("森林の整備は令和６年度に進んだ。").is_none());
        assert!(prose_indicator("林野庁は、令和７年度の目標を定めた。").is_none());
        assert!(prose_indicator("木材の輸出額は令和６年度に６１０億円となった。").is_none());
    }
}
