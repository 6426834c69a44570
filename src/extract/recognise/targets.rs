//! Indicators and targets: `KPI：…` / `【測定指標】…` lines, and the target, target year,
//! baseline, yearly actuals and achievement written with them.

use crate::money::find_fiscal_years;
use regex::Regex;
use std::sync::LazyLock;

/// An indicator line: the indicator's name and what the line states about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorLine {
    /// The indicator as written.
    pub name: String,
    /// Byte offset of the name in the line.
    pub start: usize,
    /// What the line states about its values.
    pub values: IndicatorValues,
}

/// Target, baseline, actuals and achievement of an indicator, each as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorValues {
    /// 目標 / 目標値.
    pub target: Option<String>,
    /// The fiscal or calendar year the target is due (Gregorian).
    pub target_year: Option<u16>,
    /// 基準値 / 現状.
    pub baseline: Option<String>,
    /// 実績 by year (Gregorian year, value).
    pub actuals: Vec<(u16, String)>,
    /// 達成 / 未達成 / 進捗 as stated.
    pub achievement: Option<String>,
}

static INDICATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{3000}\-・*]*[【\[［]?\s*(?:KPI|ＫＰＩ|測定指標|成果指標|評価指標|活動指標|数値目標)\s*[0-9０-９]*\s*[】\]］]?\s*[:：]?\s*(\S.*)$",
    )
    .expect("indicator pattern")
});

static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目標(?:値)?\s*[:：]?\s*([^（）()、。]+)").expect("target pattern")
});

static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(令和|平成)\s*(元|[0-9０-９]{1,2})|([0-9０-９]{4}))\s*年(?:度)?(?:末|中)?(?:まで|頃)に?\s*([^（）()、。]*)")
        .expect("due pattern")
});

static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:基準値|現状|現在)\s*[:：]?\s*([^（）()、。]+)").expect("baseline pattern")
});

static ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:令和|平成)\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\s*年度?\s*(?:実績|実績値)\s*[:：]?\s*([^（）()、。\s]+)")
        .expect("actual pattern")
});

/// Reads an indicator line (`KPI：標準化対象のデータ数`, `【測定指標】登録隊数（目標：6,600隊）`).
pub fn indicator_line(line: &str) -> Option<IndicatorLine> {
    let caps = INDICATOR.captures(line)?;
    let rest = caps.get(1)?;
    let name_end = rest
        .as_str()
        .find(['（', '(', '：', ':'])
        .unwrap_or(rest.as_str().len());
    let name = rest.as_str()[..name_end].trim();
    if name.chars().count() < 2 {
        return None;
    }
    Some(IndicatorLine {
        name: name.to_string(),
        start: rest.start(),
        values: indicator_values(&rest.as_str()[name_end..]),
    })
}

/// Reads the values written about an indicator.
pub fn indicator_values(text: &str) -> IndicatorValues {
    let mut values = IndicatorValues::default();
    if let Some(caps) = TARGET.captures(text) {
        values.target = caps.get(1).map(|m| m.as_str().trim().to_string());
    }
    if let Some(caps) = DUE.captures(text) {
        values.target_year = find_fiscal_years(caps.get(0).map_or("", |m| m.as_str()))
            .first()
            .map(|m| m.year.gregorian())
            .or_else(|| {
                caps.get(3)
                    .and_then(|m| crate::normalize::nfkc(m.as_str()).parse().ok())
            });
        if values.target.is_none() {
            values.target = caps
                .get(4)
                .map(|m| m.as_str().trim().to_string())
                .filter(|t| !t.is_empty());
        }
    }
    if let Some(caps) = BASELINE.captures(text) {
        values.baseline = caps.get(1).map(|m| m.as_str().trim().to_string());
    }
    for caps in ACTUAL.captures_iter(text) {
        let year = caps.get(1).map_or("", |m| m.as_str());
        let year = find_fiscal_years(&format!("{year}年度"))
            .first()
            .map(|m| m.year.gregorian());
        if let (Some(year), Some(value)) = (year, caps.get(2)) {
            values.actuals.push((year, value.as_str().to_string()));
        }
    }
    values.achievement = ["未達成", "概ね達成", "達成", "進捗"]
        .into_iter()
        .find(|w| text.contains(w))
        .map(str::to_string);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kpi_lines() {
        let line = indicator_line("KPI：標準化対象のデータ数").expect("an indicator");
        assert_eq!(line.name, "標準化対象のデータ数");
        assert_eq!(line.values, IndicatorValues::default());
        let full = indicator_line(
            "【測定指標】登録隊数（目標：6,600隊、2028年度末までに、基準値：6,000隊、2022年度実績 6,441隊、達成）",
        )
        .expect("an indicator");
        assert_eq!(full.name, "登録隊数");
        assert_eq!(full.values.target.as_deref(), Some("6,600隊"));
        assert_eq!(full.values.target_year, Some(2028));
        assert_eq!(full.values.baseline.as_deref(), Some("6,000隊"));
        assert_eq!(full.values.actuals, [(2022, "6,441隊".to_string())]);
        assert_eq!(full.values.achievement.as_deref(), Some("達成"));
        assert!(indicator_line("指標の考え方について").is_none());
    }
}
