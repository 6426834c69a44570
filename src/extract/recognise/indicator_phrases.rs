//! Indicators named in running text, without a `KPI` or `測定指標` label: a chart of an
//! indicator over time (`地域運営組織の形成数の推移`), a count stated as of a date
//! (`登録隊数 6,731隊（令和７年４月１日現在）`), and a rate the text aims to move
//! (`女性消防吏員比率の向上`).

use super::targets::IndicatorValues;
use crate::money::find_dates;
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

/// A name a count or a rate is written under: runs of kanji, katakana or latin joined by の,
/// ending in a word that measures (数, 率, 割合 …).
const MEASURED_NAME: &str = r"(?:[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]+の)*[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]*(?:数|率|割合|シェア|人口)";

/// Counters a stated count may carry.
const COUNTERS: &str = r"件|人|者|団体|か所|箇所|カ所|社|校|局|隊|回|台|施設|市区町村|自治体|%|％";

static TREND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"({MEASURED_NAME})の(?:推移|経年変化)")).expect("trend pattern")
});

static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({MEASURED_NAME})\s*[:：は]?\s*約?([0-9０-９][0-9０-９,，.．]*(?:万|千)?(?:{COUNTERS}))\s*[（(]([^（）()]{{4,30}}?)現在[）)]"
    ))
    .expect("stated count pattern")
});

static AIMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]+の)*[\p{Han}\p{Katakana}ー・A-Za-z0-9０-９]*(?:率|割合))の(向上|増加|引上げ|引き上げ|低減|削減|減少|改善)")
        .expect("aimed rate pattern")
});

/// Shortest indicator name kept, in chars: shorter ones (`割合`, `利用率`) say too little.
const MIN_NAME_CHARS: usize = 5;

/// Finds the indicators `text` names in passing.
pub fn find_indicator_phrases(text: &str) -> Vec<IndicatorPhrase> {
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
    found.sort_by_key(|f| f.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn short_or_undated_statements_are_not_indicators() {
        assert!(names("人口の推移").is_empty());
        assert!(names("利用率の向上").is_empty());
        assert!(names("登録隊数 1,234隊").is_empty());
        assert!(names("生産性の向上").is_empty());
    }
}
