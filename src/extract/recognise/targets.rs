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

/// A year a target is due or a figure was measured: `2023年度末`, `令和８年度`, `2030年頃`.
const YEAR: &str =
    r"(?:(?:令和|平成)\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\s*年度?(?:末|中|頃|代)?";
/// A counted or measured value: `10,000人`, `約1万人`, `98％`, `0.6万人`, `０人`.
const VALUE: &str = r"約?[0-9０-９][0-9０-９,，.．]*\s*(?:万|千|億)?(?:世帯|団体|市区町村|市町村|自治体|地域|事業者|企業|機関|拠点|か所|カ所|箇所|か国|カ国|時間|人|件|局|社|校|隊|倍|回|[%％]|GHz幅|MHz幅)?";

/// `名称：2021年度末0.6万人→2023年度末０人`, `名称※１：2023年度末98％（2021年度末実績：43.7％）`.
static LABELLED_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s＊*・]*(?P<name>[^\s：:、。（）()→⇒]{{2,40}}?)(?:※[0-9０-９]+)?[：:]\s*(?:(?P<from_year>{YEAR})(?:実績)?\s*(?P<from>{VALUE})\s*[→⇒]\s*)?(?P<due>{YEAR})(?:まで)?に?\s*(?P<to>{VALUE})(?:\s*[（(](?P<actual_year>{YEAR})実績[：:]?\s*(?P<actual>{VALUE})[）)])?"
    ))
    .expect("labelled target pattern")
});

/// `令和８年度までに隊員数を10,000人とする`, `団体数を、2024年度までに1,000団体`.
static SENTENCE_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<due>{YEAR})までに、?(?P<name>[^、。をがは「」]{{3,40}}?)を(?P<to>{VALUE})(?:と|に)(?:する|します|すること|増加|拡大)|(?P<name2>[^、。をがは「」]{{3,40}}?)を、?(?P<due2>{YEAR})までに(?P<to2>{VALUE}))"
    ))
    .expect("sentence target pattern")
});

static TARGET_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【目標[：:]\s*([^】]+)】").expect("target mark"));

/// The target in a `【目標：…】` mark.
pub fn target_mark(line: &str) -> Option<&str> {
    TARGET_MARK
        .captures(line)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str().trim())
}

/// A target stated in running text: the indicator it is about and its values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetStatement {
    /// The indicator as written.
    pub name: String,
    /// The values stated: target, due year, baseline or actual.
    pub values: IndicatorValues,
    /// The due year as written (`2023年度末`).
    pub due: String,
}

fn gregorian_of(year: &str) -> Option<u16> {
    find_fiscal_years(&format!(
        "{}年度",
        year.trim_end_matches(['末', '中', '頃', '代', '度', '年'])
    ))
    .first()
    .map(|m| m.year.gregorian())
}

/// Reads a target stated in `text` (a line, or a line joined with the next).
pub fn target_statement(text: &str) -> Option<TargetStatement> {
    // Both forms state the year the target is due.
    if !text.contains('年') {
        return None;
    }
    if let Some(caps) = LABELLED_TARGET.captures(text) {
        let get = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
        let name = get("name")?;
        let due = get("due")?;
        let mut values = IndicatorValues {
            target: get("to"),
            target_year: gregorian_of(&due),
            ..IndicatorValues::default()
        };
        values.baseline = get("from").map(|from| match get("from_year") {
            Some(year) => format!("{from}（{year}）"),
            None => from,
        });
        for (year, value) in [("from_year", "from"), ("actual_year", "actual")] {
            if let (Some(year), Some(value)) =
                (get(year).and_then(|y| gregorian_of(&y)), get(value))
            {
                values.actuals.push((year, value));
            }
        }
        return Some(TargetStatement { name, values, due });
    }
    let caps = SENTENCE_TARGET.captures(text)?;
    let get = |a: &str, b: &str| {
        caps.name(a)
            .or_else(|| caps.name(b))
            .map(|m| m.as_str().trim().to_string())
    };
    let name = get("name", "name2")?;
    let due = get("due", "due2")?;
    Some(TargetStatement {
        values: IndicatorValues {
            target: get("to", "to2"),
            target_year: gregorian_of(&due),
            ..IndicatorValues::default()
        },
        name,
        due,
    })
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

    #[test]
    fn reads_targets_stated_in_text() {
        let arrow = target_statement("＊未整備の集落数：2022年度末1.2万か所→2027年度末０か所")
            .expect("a target");
        assert_eq!(arrow.name, "未整備の集落数");
        assert_eq!(arrow.values.target.as_deref(), Some("０か所"));
        assert_eq!(arrow.values.target_year, Some(2027));
        assert_eq!(arrow.values.actuals, [(2022, "1.2万か所".to_string())]);
        let due = target_statement("＊基地局整備率※２：2026年度末95％（2023年度末実績：80.5％）")
            .expect("a target");
        assert_eq!(due.name, "基地局整備率");
        assert_eq!(due.values.target.as_deref(), Some("95％"));
        assert_eq!(due.values.actuals, [(2023, "80.5％".to_string())]);
        let sentence =
            target_statement("国としては、令和９年度までに移住相談の件数を5,000件とする目標を掲げ")
                .expect("a target");
        assert_eq!(sentence.name, "移住相談の件数");
        assert_eq!(sentence.values.target.as_deref(), Some("5,000件"));
        assert_eq!(sentence.values.target_year, Some(2027));
        let inverted =
            target_statement("連携に取り組む市町村を、2028年度までに500団体").expect("a target");
        assert_eq!(inverted.name, "連携に取り組む市町村");
        assert_eq!(inverted.due, "2028年度");
        assert!(target_statement("令和５年度までに制度を見直す").is_none());
        assert!(target_statement("2030年度までに実現を目指す").is_none());
    }
}
